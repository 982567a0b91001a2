namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>The providers of one local-cloud instance, by CloudFormation type; one provider per type.</summary>
public sealed class ResourceProviderRegistry
{
    private readonly Dictionary<string, IResourceProvider> _providers = new(StringComparer.Ordinal);

    public ResourceProviderRegistry(IEnumerable<IResourceProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (!_providers.TryAdd(provider.ResourceType, provider))
            {
                throw new ArgumentException($"Two resource providers are registered for {provider.ResourceType}", nameof(providers));
            }
        }
    }

    public IEnumerable<string> ResourceTypes => _providers.Keys;

    public IResourceProvider? Find(string resourceType) => _providers.GetValueOrDefault(resourceType);
}
