using System.Net;
using System.Text;

namespace Worker.Tests.Runtime.Fakes;

/// <summary>An HTTP transport that records each request (with its body) and answers from <see cref="Respond"/>.</summary>
public sealed class CapturingHandler : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public Func<string, (HttpStatusCode Status, string Body)> Respond { get; set; } = body => (HttpStatusCode.OK, AllAccepted(body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var (status, responseBody) = Respond(body);
        return new HttpResponseMessage(status) { Content = new StringContent(responseBody, Encoding.UTF8, "application/x-amz-json-1.1") };
    }

    /// <summary>A PutEvents response accepting every entry of <paramref name="requestBody"/>.</summary>
    public static string AllAccepted(string requestBody)
    {
        var count = System.Text.Json.Nodes.JsonNode.Parse(requestBody)!["Entries"]!.AsArray().Count;
        return $$"""{"FailedEntryCount":0,"Entries":[{{string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"EventId":"id-{{i}}"}"""))}}]}""";
    }
}
