namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>The JSON type of a leaf value in an event.</summary>
internal enum EventValueKind
{
    String,
    Number,
    True,
    False,
    Null,
}
