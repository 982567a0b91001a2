namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>An InputTransformer: variables picked from the event by JSONPath, substituted into a template as <c>&lt;name&gt;</c>.</summary>
public sealed record TargetInputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);
