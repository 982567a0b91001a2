using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>
/// The IAM roles and policies deployed into each account (IAM is global: no region), kept so tests and
/// tools can inspect who may do what. local-cloud does not enforce them.
/// </summary>
public sealed class IamRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string Name), IamRole> _roles = [];
    private readonly List<IamPolicy> _policies = [];
    private readonly List<IamManagedPolicy> _managedPolicies = [];

    public IamRole AddRole(IamRole role)
    {
        lock (_gate)
        {
            if (!_roles.TryAdd((role.AccountId, role.RoleName), role))
            {
                throw new AwsServiceException("EntityAlreadyExists", $"Role with name {role.RoleName} already exists.", 409);
            }

            return role;
        }
    }

    /// <summary>Records the policy and puts it on each named role of the account that is known here.</summary>
    public void AddPolicy(IamPolicy policy)
    {
        lock (_gate)
        {
            _policies.Add(policy);
            foreach (var roleName in policy.Roles)
            {
                if (_roles.TryGetValue((policy.AccountId, roleName), out var role))
                {
                    _roles[(policy.AccountId, roleName)] = role with
                    {
                        InlinePolicies = [.. role.InlinePolicies, new IamInlinePolicy(policy.PolicyName, policy.Document)],
                    };
                }
            }
        }
    }

    /// <summary>Records the managed policy and adds its ARN to each named role of the account that is known here.</summary>
    public void AddManagedPolicy(IamManagedPolicy policy)
    {
        lock (_gate)
        {
            if (_managedPolicies.Any(p => p.Arn == policy.Arn))
            {
                throw new AwsServiceException("EntityAlreadyExists", $"A policy called {policy.PolicyName} already exists. Duplicate names are not allowed.", 409);
            }

            _managedPolicies.Add(policy);
            foreach (var roleName in policy.Roles)
            {
                if (_roles.TryGetValue((policy.AccountId, roleName), out var role))
                {
                    _roles[(policy.AccountId, roleName)] = role with { ManagedPolicyArns = [.. role.ManagedPolicyArns, policy.Arn] };
                }
            }
        }
    }

    public IamRole? FindRole(string accountId, string roleName)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault((accountId, roleName));
        }
    }

    public IamRole? FindRoleByArn(string roleArn)
    {
        lock (_gate)
        {
            return _roles.Values.FirstOrDefault(r => r.Arn == roleArn);
        }
    }

    public IReadOnlyList<IamRole> Roles(string accountId)
    {
        lock (_gate)
        {
            return _roles.Values.Where(r => r.AccountId == accountId).ToList();
        }
    }

    public IReadOnlyList<IamPolicy> Policies(string accountId)
    {
        lock (_gate)
        {
            return _policies.Where(p => p.AccountId == accountId).ToList();
        }
    }

    public IReadOnlyList<IamManagedPolicy> ManagedPolicies(string accountId)
    {
        lock (_gate)
        {
            return _managedPolicies.Where(p => p.AccountId == accountId).ToList();
        }
    }
}
