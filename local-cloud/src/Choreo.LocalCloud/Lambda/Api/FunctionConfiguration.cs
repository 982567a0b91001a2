using System.Text.Json.Nodes;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Api;

/// <summary>A function as ListFunctions and GetFunction describe it (AWS's FunctionConfiguration fields).</summary>
public static class FunctionConfiguration
{
    public static JsonObject Of(LambdaFunction function)
    {
        var configuration = new JsonObject
        {
            ["FunctionName"] = function.Name,
            ["FunctionArn"] = function.Arn,
            ["Runtime"] = function.Runtime,
            ["Handler"] = function.Handler,
            ["CodeSize"] = 0,
            ["Description"] = string.Empty,
            ["Timeout"] = (int)function.Timeout.TotalSeconds,
            ["MemorySize"] = function.MemorySize,
            ["Version"] = "$LATEST",
            ["PackageType"] = "Zip",
            ["State"] = "Active",
            ["LastUpdateStatus"] = "Successful",
            ["Architectures"] = new JsonArray("x86_64"),
        };
        // AWS leaves Environment out when a function has no variables.
        if (function.Environment.Count > 0)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in function.Environment.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                variables[name] = value;
            }
            configuration["Environment"] = new JsonObject { ["Variables"] = variables };
        }
        return configuration;
    }
}
