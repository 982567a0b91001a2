using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>
/// The stacks deployed into each account and region of one local-cloud instance, and their exports
/// (which Fn::ImportValue reads). Export names are unique per account and region, as in CloudFormation.
/// </summary>
public sealed class StackRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string Region, string Name), DeployedStack> _stacks = [];
    private readonly List<DeployedStack> _inOrder = [];

    public void Add(DeployedStack stack)
    {
        lock (_gate)
        {
            var key = Key(stack.Account, stack.StackName);
            if (_stacks.ContainsKey(key))
            {
                throw AlreadyExists(stack.Account, stack.StackName);
            }

            foreach (var export in stack.Outputs.Values.Where(o => o.ExportName is not null))
            {
                var owner = FindExportOwner(stack.Account, export.ExportName!);
                if (owner is not null)
                {
                    throw new AwsServiceException("ValidationError",
                        $"Export with name {export.ExportName} is already exported by stack {owner.StackName}");
                }
            }

            _stacks[key] = stack;
            _inOrder.Add(stack);
        }
    }

    public bool Contains(AccountContext account, string stackName)
    {
        lock (_gate)
        {
            return _stacks.ContainsKey(Key(account, stackName));
        }
    }

    public DeployedStack? Find(AccountContext account, string stackName)
    {
        lock (_gate)
        {
            return _stacks.GetValueOrDefault(Key(account, stackName));
        }
    }

    /// <summary>The stacks of one account and region, in deploy order.</summary>
    public IReadOnlyList<DeployedStack> List(AccountContext account)
    {
        lock (_gate)
        {
            return _inOrder.Where(s => s.Account == account).ToList();
        }
    }

    public string? FindExport(AccountContext account, string exportName)
    {
        lock (_gate)
        {
            return FindExportOwner(account, exportName)?.Outputs.Values.First(o => o.ExportName == exportName).Value;
        }
    }

    public static AwsServiceException AlreadyExists(AccountContext account, string stackName) =>
        new("AlreadyExistsException",
            $"Stack [{stackName}] already exists in {account.AccountId}/{account.Region}; local-cloud deploys a stack once per instance (no stack updates): start a fresh instance to redeploy");

    private DeployedStack? FindExportOwner(AccountContext account, string exportName) =>
        _inOrder.FirstOrDefault(s => s.Account == account && s.Outputs.Values.Any(o => o.ExportName == exportName));

    private static (string, string, string) Key(AccountContext account, string name) => (account.AccountId, account.Region, name);
}
