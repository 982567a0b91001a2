namespace Choreo.Pipeline.Configuration;

/// <summary>A missing or bad context key; the message names the key and says what it should hold.</summary>
public sealed class ChoreoConfigurationException(string message) : Exception(message);
