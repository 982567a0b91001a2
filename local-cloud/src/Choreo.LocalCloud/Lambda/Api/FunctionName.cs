using System.Text.RegularExpressions;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Lambda.Api;

/// <summary>
/// The FunctionName the API accepts: a name, a full ARN or a partial ARN (<c>account:function:name</c>),
/// each optionally qualified. Resolved to a full unqualified ARN in the caller's account and region.
/// </summary>
public static partial class FunctionName
{
    [GeneratedRegex(@"^(arn:(?<partition>aws[a-zA-Z-]*)?:lambda:(?<region>[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d):)?((?<account>\d{12}):)?(function:)?(?<name>[a-zA-Z0-9\-_\.]+)(:(?<qualifier>\$LATEST|[a-zA-Z0-9\-_]+))?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    /// <param name="qualifier">The <c>Qualifier</c> query parameter, if any.</param>
    public static string ResolveArn(string functionName, string? qualifier, AccountContext caller)
    {
        var match = Pattern().Match(functionName);
        if (functionName.Length is < 1 or > 256 || !match.Success)
        {
            throw new AwsServiceException("ValidationException",
                $"1 validation error detected: Value '{functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        var account = match.Groups["account"].Success ? match.Groups["account"].Value : caller.AccountId;
        var region = match.Groups["region"].Success ? match.Groups["region"].Value : caller.Region;
        var name = match.Groups["name"].Value;
        var arn = $"arn:aws:lambda:{region}:{account}:function:{name}";
        if (account != caller.AccountId || region != caller.Region)
        {
            throw new AwsServiceException("AccessDeniedException",
                $"local-cloud serves functions of the caller's own account and region only ({caller.AccountId}, {caller.Region}); {arn} is not one of them.", 403);
        }
        var inName = match.Groups["qualifier"].Success ? match.Groups["qualifier"].Value : null;
        if (inName is not null && qualifier is not null && inName != qualifier)
        {
            throw new AwsServiceException("InvalidParameterValueException", "The derived qualifier from the function name does not match the specified qualifier.");
        }
        var effective = inName ?? qualifier;
        if (effective is not null && effective != "$LATEST")
        {
            // Only $LATEST exists locally: versions and aliases are not published.
            throw new AwsServiceException("ResourceNotFoundException", $"Function not found: {arn}:{effective}", 404);
        }
        return arn;
    }
}
