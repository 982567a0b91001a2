using Amazon.CDK.Assertions;
using Choreo.Worker.Infrastructure.Storage;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class BucketTests(WorkerTemplateFixture fixture)
{
    [Fact]
    public void Bucket_blocks_all_public_access()
    {
        fixture.Dev.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        });
    }

    [Fact]
    public void Bucket_encrypts_objects_with_S3_managed_keys()
    {
        fixture.Dev.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object> { ["SSEAlgorithm"] = "AES256" },
                    },
                },
            },
        });
    }

    [Fact]
    public void Bucket_policy_denies_every_request_without_TLS()
    {
        var statements = Assert.Single(fixture.DevJson.Resources("AWS::S3::BucketPolicy"))
            .Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray();

        Assert.Contains(statements, s =>
            s.GetProperty("Effect").GetString() == "Deny"
            && TemplateJson.Strings(s.GetProperty("Action")).SequenceEqual(["s3:*"])
            && s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false");
    }

    [Fact]
    public void Intermediate_objects_expire_after_seven_days_by_default()
    {
        fixture.Dev.HasResourceProperties("AWS::S3::Bucket", ExpiryAfter(7));
    }

    [Fact]
    public void Intermediate_expiry_is_configurable()
    {
        fixture.Prod.HasResourceProperties("AWS::S3::Bucket", ExpiryAfter(3));
    }

    [Fact]
    public void Development_bucket_is_deleted_with_its_objects()
    {
        fixture.Dev.HasResource("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Delete",
            ["UpdateReplacePolicy"] = "Delete",
        });
        fixture.Dev.ResourceCountIs("Custom::S3AutoDeleteObjects", 1);
    }

    [Fact]
    public void Production_bucket_is_retained_and_never_auto_emptied()
    {
        fixture.Prod.HasResource("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        });
        fixture.Prod.ResourceCountIs("Custom::S3AutoDeleteObjects", 0);
    }

    private static IDictionary<string, object> ExpiryAfter(int days) => new Dictionary<string, object>
    {
        ["LifecycleConfiguration"] = new Dictionary<string, object>
        {
            ["Rules"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["Id"] = WorkerBucket.IntermediateRuleId,
                    ["Status"] = "Enabled",
                    ["ExpirationInDays"] = days,
                    ["TagFilters"] = new object[]
                    {
                        new Dictionary<string, object>
                        {
                            ["Key"] = WorkerBucket.IntermediateTagKey,
                            ["Value"] = WorkerBucket.IntermediateTagValue,
                        },
                    },
                },
            },
        },
    };
}
