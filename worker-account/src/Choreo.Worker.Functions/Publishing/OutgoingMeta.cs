using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Runtime.Lambda;

namespace Choreo.Worker.Functions.Publishing;

/// <summary>The <c>meta</c> tracing block for an event this function sends in answer to <paramref name="input"/>.</summary>
public static class OutgoingMeta
{
    public static Meta For<TDetail>(EventEnvelope<TDetail> input, string execution, string outgoingDetailType, InvocationContext context) =>
        Meta.For(input.Account, input.Source, input.DetailType, outgoingDetailType, context.FunctionName, execution);
}
