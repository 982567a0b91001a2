using Amazon.Runtime;

namespace LocalCloud.Tests.Auth;

/// <summary>An SDK HTTP client whose requests have one body byte changed after signing ("original" becomes "0riginal").</summary>
internal sealed class TamperingHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new TamperingHandler(new HttpClientHandler()));

    private sealed class TamperingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
                var text = System.Text.Encoding.ASCII.GetString(bytes);
                var at = text.IndexOf("original", StringComparison.Ordinal);
                if (at >= 0)
                {
                    bytes[at] = (byte)'0';
                }

                var tampered = new ByteArrayContent(bytes);
                foreach (var header in content.Headers)
                {
                    tampered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = tampered;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
