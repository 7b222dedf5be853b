using System;
using System.Diagnostics;
using System.Text;

namespace NanoGate.Interpreter;

/// <summary>Runs a child process with a time limit and returns its exit status and combined output.</summary>
internal static class ProcessRunner
{
    public static (int Status, string Output) Run(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return (-1, output.Append($"[timed out after {limit.TotalSeconds:0} s]\n").ToString());
            }
        }

        process.WaitForExit();
        lock (output)
        {
            // The interpreter ends Console.WriteLine lines with CRLF.
            return (process.ExitCode, output.ToString().Replace("\r", ""));
        }
    }
}
