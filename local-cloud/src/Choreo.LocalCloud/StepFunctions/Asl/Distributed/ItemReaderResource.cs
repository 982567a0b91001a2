namespace Choreo.LocalCloud.StepFunctions.Asl.Distributed;

/// <summary>The S3 API an ItemReader calls.</summary>
public enum ItemReaderResource
{
    /// <summary><c>arn:aws:states:::s3:getObject</c>: one object whose content is the item list.</summary>
    GetObject,

    /// <summary><c>arn:aws:states:::s3:listObjectsV2</c>: every object under a prefix is an item.</summary>
    ListObjectsV2,
}
