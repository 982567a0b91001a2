using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.DynamoDb;

/// <summary>
/// Replays the AWS-recorded DynamoDB cases of tests/conformance/dynamodb: each step's response (or error code,
/// message and extra fields) must equal what AWS answered. In expected values, <c>&lt;…&gt;</c> stands for any text
/// (LocalStack masked it) and <c>"datetime"</c> for any timestamp.
/// </summary>
public sealed partial class DynamoDbConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Conformance", "dynamodb");
    private static readonly AccountContext Account = new("111111111111", "us-east-1");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(Root, "*.json").Order(StringComparer.Ordinal).Select(path => new object[] { Path.GetFileName(path) });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_answers_as_AWS_recorded_it(string file)
    {
        var steps = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, file)))!["steps"]!.AsArray();
        var api = new DynamoDbApi(new DynamoDbTables(), new ManualClock(DateTimeOffset.UnixEpoch));
        foreach (var (step, index) in steps.Select((step, index) => (step!, index)))
        {
            var operation = step["operation"]!.GetValue<string>();
            var request = step["request"]!.AsObject();
            JsonNode? response = null;
            AwsServiceException? error = null;
            try
            {
                response = await api.CallAsync(Account, operation, (JsonObject)request.DeepClone(), CancellationToken.None);
            }
            catch (AwsServiceException e)
            {
                error = e;
            }
            var where = $"{file} step {index} ({operation})";
            if (step["error"] is JsonObject expectedError)
            {
                Assert.True(error is not null, $"{where}: expected {expectedError["code"]}, got success {response?.ToJsonString()}");
                Assert.Equal(expectedError["code"]!.GetValue<string>(), error.ErrorCode[(error.ErrorCode.LastIndexOf('#') + 1)..]);
                Assert.True(Matches(expectedError["message"], JsonValue.Create(error.Message)), $"{where}: message '{error.Message}'");
                // Only the fields AWS's recording kept are compared (some cases recorded the message alone).
                var fields = expectedError["fields"] as JsonObject ?? [];
                Assert.True(fields.All(pair => Matches(pair.Value, error.Fields?[pair.Key])), $"{where}: fields {error.Fields?.ToJsonString()}");
                continue;
            }
            Assert.True(error is null, $"{where}: failed with {error?.ErrorCode}: {error?.Message}");
            if (step["expected"] is { } expected)
            {
                Assert.True(Matches(expected, response), $"{where}: got {response!.ToJsonString()}");
            }
        }
    }

    private static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject map:
                return actual is JsonObject other && map.Count == other.Count
                    && map.All(pair => other.ContainsKey(pair.Key) && Matches(pair.Value, other[pair.Key]));
            case JsonArray list:
                return actual is JsonArray items && list.Count == items.Count && list.Zip(items).All(pair => Matches(pair.First, pair.Second));
        }
        var value = expected.AsValue();
        if (value.TryGetValue<string>(out var text))
        {
            if (text == "datetime")
            {
                return actual is JsonValue number && double.TryParse(number.ToJsonString(), CultureInfo.InvariantCulture, out _);
            }
            if (actual is not JsonValue actualValue || !actualValue.TryGetValue<string>(out var actualText))
            {
                return false;
            }
            var pattern = "^" + string.Join(".*", Placeholder().Split(text).Select(Regex.Escape)) + "$";
            return Regex.IsMatch(actualText, pattern, RegexOptions.Singleline);
        }
        if (value.TryGetValue<bool>(out var flag))
        {
            return actual is JsonValue b && b.TryGetValue<bool>(out var actualFlag) && actualFlag == flag;
        }
        return actual is JsonValue n && double.TryParse(n.ToJsonString(), CultureInfo.InvariantCulture, out var actualNumber)
            && actualNumber == double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<[^<>]+>")]
    private static partial Regex Placeholder();
}
