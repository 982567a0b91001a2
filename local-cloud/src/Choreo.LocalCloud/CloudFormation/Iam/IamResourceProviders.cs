using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>The IAM providers that record into one <see cref="IamRegistry"/>, for the composition root.</summary>
public static class IamResourceProviders
{
    public static IReadOnlyList<IResourceProvider> For(IamRegistry registry) =>
        [new RoleProvider(registry), new PolicyProvider(registry), new ManagedPolicyProvider(registry)];
}
