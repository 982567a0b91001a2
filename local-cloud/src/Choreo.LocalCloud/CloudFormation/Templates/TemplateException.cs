namespace Choreo.LocalCloud.CloudFormation.Templates;

/// <summary>
/// A template that cannot be evaluated: the message names where (e.g. <c>Resources.Fn.Properties.Role</c>) and why,
/// in one line, as CloudFormation's "Template format error" / "Template error" messages do.
/// </summary>
public sealed class TemplateException(string message) : Exception(message);
