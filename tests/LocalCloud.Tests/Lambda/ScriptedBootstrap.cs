namespace LocalCloud.Tests.Lambda;

/// <summary>
/// A tiny <c>bootstrap</c> written in bash + curl that speaks the Runtime API as AWS documents it, so the
/// process runner is tested against a real separate process without building the AOT binary.
/// It answers <c>{"requestId": ..., "deadlineMs": ..., "event": ...}</c>; an event containing "boom"
/// is reported as an invocation error, one containing "hang" never answers.
/// </summary>
internal sealed class ScriptedBootstrap : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        set -u
        api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
        echo "{\"message\":\"started ${_HANDLER:-none}\"}"
        while true; do
          headers=$(mktemp); body=$(mktemp)
          curl -sS -D "$headers" -o "$body" "$api/invocation/next" || exit 1
          id=$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | cut -d' ' -f2 | tr -d '\r')
          deadline=$(grep -i '^Lambda-Runtime-Deadline-Ms:' "$headers" | cut -d' ' -f2 | tr -d '\r')
          event=$(cat "$body")
          echo "{\"requestId\":\"$id\",\"message\":\"handling\"}"
          if grep -q hang "$body"; then sleep 600; fi
          if grep -q boom "$body"; then
            curl -sS -X POST -H 'Lambda-Runtime-Function-Error-Type: Unhandled' \
              -d '{"errorType":"BoomError","errorMessage":"the event asked for it"}' "$api/invocation/$id/error" >/dev/null
          else
            curl -sS -X POST -d "{\"requestId\":\"$id\",\"deadlineMs\":$deadline,\"event\":$event}" "$api/invocation/$id/response" >/dev/null
          fi
          rm -f "$headers" "$body"
        done
        """;

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public ScriptedBootstrap()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("bootstrap-").FullName;
        var path = Path.Combine(Directory, "bootstrap");
        File.WriteAllText(path, Script.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
