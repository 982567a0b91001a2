namespace Choreo.Worker.Infrastructure.Storage;

/// <summary>How the worker bucket behaves in a stage.</summary>
/// <param name="IsProduction">Production keeps the bucket and its objects when the stack is deleted.</param>
/// <param name="IntermediateExpirationDays">Days after which intermediate objects expire.</param>
public sealed record WorkerBucketProps(bool IsProduction, int IntermediateExpirationDays);
