namespace Choreo.LocalCloud.Lambda.Runtimes;

/// <summary>
/// One managed runtime's dates: when AWS deprecated it (no more patches), from when it refuses to create functions
/// with it, and from when it refuses to update them; null where AWS has announced no date. <see cref="Successor"/>
/// is the runtime AWS's refusal recommends.
/// </summary>
public sealed record RuntimeLifecycle(string Runtime, DateOnly? Deprecated, DateOnly? BlockCreate, DateOnly? BlockUpdate, string Successor);
