using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NanoGate.Interpreter;
using NanoGate.Projects;

namespace NanoGate;

/// <summary><c>nanogate device</c>: build device projects with the real toolchain, report their sizes, run their tests on the interpreter.</summary>
internal static class DeviceCommands
{
    public static Command Create(Option<DirectoryInfo> repo)
    {
        var configuration = new Option<string[]>("--config") { Description = "Debug and/or Release", DefaultValueFactory = _ => new[] { "Release", "Debug" }, AllowMultipleArgumentsPerToken = true };
        var project = new Argument<FileInfo[]>("projects") { Description = ".nfproj files (default: every test project named NFUnitTest)", Arity = ArgumentArity.ZeroOrMore };

        var test = new Command("test", "run on-device tests on the real nanoFramework interpreter") { repo, configuration, project };
        test.SetAction(parse =>
        {
            var root = parse.GetValue(repo)!.FullName;
            var builder = DeviceBuilder.ForRepository(root, out var missing);
            if (builder is null)
            {
                Console.WriteLine($"skipped: {missing}");
                return 0;
            }

            var projects = parse.GetValue(project) is { Length: > 0 } given
                ? given.Select(f => NfProject.Load(f.FullName)).ToList()
                : NfProject.Discover(root).Where(p => p.AssemblyName == "NFUnitTest").ToList();
            int passed = 0, failed = 0;
            foreach (var config in parse.GetValue(configuration)!)
            {
                foreach (var p in projects)
                {
                    var built = builder.Build(p.Path, config);
                    var run = InterpreterRun.RunTests(builder.Toolchain, built, TimeSpan.FromMinutes(10));
                    foreach (var r in run.Results.Where(r => r.Outcome != "passed"))
                    {
                        Console.WriteLine($"  {r.Outcome} [{config}] {r.Case}: {r.Detail}");
                    }

                    int ok = run.Results.Count(r => r.Outcome == "passed");
                    int bad = run.Results.Count(r => r.Outcome == "failed");
                    Console.WriteLine($"{Path.GetRelativePath(root, p.Path)} [{config}]: {ok} passed, {bad} failed, {run.Results.Count - ok - bad} skipped");
                    passed += ok;
                    failed += bad;
                }
            }

            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });

        var sizes = new Command("sizes", "build every device project with the real toolchain and report its PE tables against the 65,535-byte limit") { repo, configuration };
        sizes.SetAction(parse =>
        {
            var root = parse.GetValue(repo)!.FullName;
            var builder = DeviceBuilder.ForRepository(root, out var missing);
            if (builder is null)
            {
                Console.WriteLine($"skipped: {missing}");
                return 0;
            }

            int over = 0;
            foreach (var config in parse.GetValue(configuration)!)
            {
                foreach (var p in NfProject.InBuildOrder(NfProject.Discover(root)))
                {
                    try
                    {
                        var report = SizeReport.Of(builder.Build(p.Path, config), Path.GetRelativePath(root, p.Path));
                        Console.WriteLine(report.Line);
                        over += report.Passed ? 0 : 1;
                    }
                    catch (DeviceBuildException e)
                    {
                        Console.WriteLine($"FAIL {p.AssemblyName,-16} [{config,-7}] does not build: {e.Message}");
                        over++;
                    }
                }
            }

            return over == 0 ? 0 : 1;
        });

        var program = new Argument<FileInfo>("project") { Description = "an .nfproj with OutputType Exe" };
        var single = new Option<string>("--config") { Description = "Debug or Release", DefaultValueFactory = _ => "Release" };
        var run = new Command("run", "build a device program and run it on the real nanoFramework interpreter") { repo, single, program };
        run.SetAction(parse =>
        {
            var builder = DeviceBuilder.ForRepository(parse.GetValue(repo)!.FullName, out var missing);
            if (builder is null)
            {
                Console.Error.WriteLine($"cannot run: {missing}");
                return 2;
            }

            var output = InterpreterRun.RunProgram(builder.Toolchain, builder.Build(parse.GetValue(program)!.FullName, parse.GetValue(single)!), TimeSpan.FromMinutes(30));
            foreach (var line in output.ProgramLines)
            {
                Console.WriteLine(line);
            }

            return output.Status;
        });

        return new Command("device", "the real nanoFramework toolchain: device builds, sizes, tests and programs on the interpreter") { test, sizes, run };
    }
}
