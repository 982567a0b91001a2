using Choreo.LocalCloud.StepFunctions.Asl.States;

namespace Choreo.LocalCloud.StepFunctions.Asl.Distributed;

/// <summary>A Distributed Map's ResultWriter: <c>s3:putObject</c> with Parameters naming the Bucket and Prefix.</summary>
public sealed record ResultWriterDefinition(PayloadTemplate Parameters);
