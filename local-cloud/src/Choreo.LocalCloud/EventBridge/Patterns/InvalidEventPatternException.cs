using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.Patterns;

/// <summary>
/// AWS's rejection of an event pattern (PutRule, TestEventPattern): HTTP 400, code
/// <c>InvalidEventPatternException</c>, message <c>Event pattern is not valid. Reason: ...</c>.
/// </summary>
public sealed class InvalidEventPatternException : AwsServiceException
{
    public const string Code = "InvalidEventPatternException";
    private const string MessagePrefix = "Event pattern is not valid. Reason: ";

    public InvalidEventPatternException(string reason)
        : base(Code, MessagePrefix + reason, 400)
    {
        Reason = reason;
    }

    /// <summary>The part of the message after AWS's fixed prefix, e.g. <c>Empty arrays are not allowed</c>.</summary>
    public string Reason { get; }
}
