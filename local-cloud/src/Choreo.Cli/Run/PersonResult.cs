namespace Choreo.Cli.Run;

/// <summary>One person's final file: the Map item index, the name, and the cookies counted.</summary>
public sealed record PersonResult(int Index, string Name, int Cookies, string Key);
