using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Lambda.Runtimes;

/// <summary>
/// The one table of Lambda runtimes local-cloud knows, and the check CreateFunction (the API and
/// <c>AWS::Lambda::Function</c>) makes against it on the service clock.
/// <para>
/// Source: AWS Lambda Developer Guide, "Lambda runtimes" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
/// its tables of supported and deprecated runtimes with their deprecation, block-create and block-update dates
/// (transcribed from cfn-lint's copy of that table, data file LmbdRuntimeLifecycle.json, for the runtimes before 2026).
/// nodejs20.x: deprecated 2026-04-30 and create blocked from 2026-06-01 as Choreo issue 11 records from the page;
/// its block-update date follows the page's pattern for Node.js (a month after create). python3.9 as the page gives
/// it after AWS postponed its block dates. Runtimes with no dates are supported with no announced end.
/// </para>
/// </summary>
public static class RuntimeLifecycleTable
{
    public static readonly IReadOnlyList<RuntimeLifecycle> Runtimes =
    [
        // Supported, no block date announced (or one far ahead).
        new("nodejs24.x", null, null, null, "nodejs24.x"),
        new("nodejs22.x", new(2027, 4, 30), new(2027, 6, 1), new(2027, 7, 1), "nodejs24.x"),
        new("python3.14", null, null, null, "python3.14"),
        new("python3.13", null, null, null, "python3.14"),
        new("python3.12", null, null, null, "python3.14"),
        new("python3.11", null, null, null, "python3.14"),
        new("python3.10", null, null, null, "python3.14"),
        new("java25", null, null, null, "java25"),
        new("java21", null, null, null, "java25"),
        new("java17", null, null, null, "java25"),
        new("java11", null, null, null, "java25"),
        new("java8.al2", null, null, null, "java25"),
        new("dotnet10", null, null, null, "dotnet10"),
        new("dotnet8", null, null, null, "dotnet10"),
        new("ruby3.4", null, null, null, "ruby3.4"),
        new("ruby3.3", null, null, null, "ruby3.4"),
        new("ruby3.2", null, null, null, "ruby3.4"),
        new("provided.al2023", null, null, null, "provided.al2023"),
        new("provided.al2", null, null, null, "provided.al2023"),

        // Deprecated.
        new("nodejs20.x", new(2026, 4, 30), new(2026, 6, 1), new(2026, 7, 1), "nodejs24.x"),
        new("python3.9", new(2025, 12, 15), new(2027, 2, 1), new(2027, 3, 3), "python3.14"),
        new("nodejs18.x", new(2025, 7, 31), new(2025, 10, 1), new(2025, 11, 1), "nodejs24.x"),
        new("nodejs16.x", new(2024, 6, 12), new(2025, 10, 1), new(2025, 11, 1), "nodejs24.x"),
        new("nodejs14.x", new(2023, 12, 4), new(2024, 7, 9), new(2025, 11, 1), "nodejs24.x"),
        new("nodejs12.x", new(2023, 3, 31), new(2023, 3, 31), new(2023, 4, 30), "nodejs24.x"),
        new("nodejs10.x", new(2021, 7, 30), new(2021, 7, 30), new(2022, 2, 14), "nodejs24.x"),
        new("nodejs8.10", new(2020, 3, 6), new(2020, 3, 6), new(2020, 3, 6), "nodejs24.x"),
        new("nodejs6.10", new(2019, 8, 12), new(2019, 8, 12), new(2019, 8, 12), "nodejs24.x"),
        new("nodejs4.3-edge", new(2020, 3, 5), new(2019, 4, 30), new(2019, 4, 30), "nodejs24.x"),
        new("nodejs4.3", new(2020, 3, 5), new(2020, 3, 5), new(2020, 3, 5), "nodejs24.x"),
        new("nodejs", new(2016, 10, 31), new(2016, 10, 31), new(2016, 10, 31), "nodejs24.x"),
        new("python3.8", new(2024, 10, 14), new(2025, 10, 1), new(2025, 11, 1), "python3.14"),
        new("python3.7", new(2023, 12, 4), new(2024, 1, 9), new(2025, 11, 1), "python3.14"),
        new("python3.6", new(2022, 7, 18), new(2022, 7, 18), new(2022, 8, 29), "python3.14"),
        new("python2.7", new(2021, 7, 15), new(2021, 7, 15), new(2022, 5, 30), "python3.14"),
        new("java8", new(2024, 1, 8), new(2024, 2, 8), new(2025, 11, 1), "java25"),
        new("dotnet7", new(2024, 5, 14), new(2024, 5, 14), new(2024, 5, 14), "dotnet10"),
        new("dotnet6", new(2024, 11, 12), new(2025, 10, 1), new(2025, 11, 1), "dotnet10"),
        new("dotnetcore3.1", new(2023, 4, 3), new(2023, 4, 3), new(2023, 5, 3), "dotnet10"),
        new("dotnetcore2.1", new(2022, 1, 5), new(2022, 1, 5), new(2022, 4, 13), "dotnet10"),
        new("dotnetcore2.0", new(2019, 5, 30), new(2019, 5, 30), new(2019, 5, 30), "dotnet10"),
        new("dotnetcore1.0", new(2019, 6, 27), new(2019, 7, 30), new(2019, 7, 30), "dotnet10"),
        new("ruby2.7", new(2023, 12, 7), new(2024, 1, 9), new(2025, 11, 1), "ruby3.4"),
        new("ruby2.5", new(2021, 7, 30), new(2021, 7, 30), new(2022, 3, 31), "ruby3.4"),
        new("go1.x", new(2024, 1, 8), new(2024, 2, 8), new(2025, 11, 1), "provided.al2023"),
        new("provided", new(2024, 1, 8), new(2024, 2, 8), new(2025, 11, 1), "provided.al2023"),
    ];

    private static readonly Dictionary<string, RuntimeLifecycle> ByName = Runtimes.ToDictionary(runtime => runtime.Runtime, StringComparer.Ordinal);

    public static RuntimeLifecycle? Find(string runtime) => ByName.GetValueOrDefault(runtime);

    /// <summary>
    /// Throws what Lambda answers when a function is created with <paramref name="runtime"/> on <paramref name="today"/>:
    /// ValidationException for a runtime Lambda does not know, InvalidParameterValueException from its block-create date.
    /// </summary>
    public static void EnsureCreatable(string runtime, DateTimeOffset today)
    {
        var lifecycle = Find(runtime) ?? throw new AwsServiceException("ValidationException",
            $"1 validation error detected: Value '{runtime}' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Runtimes.Select(r => r.Runtime))}] or be a valid ARN");
        if (lifecycle.BlockCreate is { } blocked && DateOnly.FromDateTime(today.UtcDateTime) >= blocked)
        {
            throw new AwsServiceException("InvalidParameterValueException",
                $"The runtime parameter of {runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime ({lifecycle.Successor}) while creating or updating functions.");
        }
    }
}
