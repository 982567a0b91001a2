namespace Choreo.LocalCloud.Time;

/// <summary>
/// Work in progress that may still produce a callback (an event delivery, an invocation, an execution
/// stepping). A virtual clock never fires a timer while any activity is open.
/// </summary>
public interface IActivityTracker
{
    IDisposable BeginActivity();
}
