using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NanoGate.Surface;

namespace NanoGate;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("nanoFramework compatibility gate for TinTin.Nano");

        var listings = new Option<DirectoryInfo>("--listings") { Description = "folder of *.api.txt listings", DefaultValueFactory = _ => new DirectoryInfo("../shared/nanoframework-api") };
        var surfaceOut = new Option<DirectoryInfo>("--surface") { Description = "stub output folder", DefaultValueFactory = _ => new DirectoryInfo("tools/NanoSurface") };
        var generate = new Command("generate", "regenerate the declarations-only reference surface from the API listings") { listings, surfaceOut };
        generate.SetAction(parse =>
        {
            var manifest = SurfaceWriter.Write(parse.GetValue(listings)!.FullName, parse.GetValue(surfaceOut)!.FullName);
            foreach (var a in manifest.Assemblies)
            {
                var surface = new ReferenceSurface(parse.GetValue(surfaceOut)!.FullName);
                surface.Reference(a.Assembly);
                Console.WriteLine($"{a.Assembly,-45} {a.Package} {a.Version}: compiles");
            }

            return 0;
        });
        var verify = new Command("verify", "check the reference surface against the API listings") { listings, surfaceOut };
        verify.SetAction(parse =>
        {
            var surface = new ReferenceSurface(parse.GetValue(surfaceOut)!.FullName);
            int count = 0;
            foreach (var listing in ApiListing.LoadFolder(parse.GetValue(listings)!.FullName).Values)
            {
                foreach (var problem in SurfaceVerifier.Verify(surface, listing))
                {
                    Console.WriteLine(problem);
                    count++;
                }
            }

            Console.WriteLine($"{count} problem(s)");
            return count == 0 ? 0 : 1;
        });
        var surfaceCommand = new Command("surface", "the nanoFramework reference surface") { generate, verify };
        root.Add(surfaceCommand);

        var repo = new Option<DirectoryInfo>("--root") { Description = "repository root", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var check = new Command("check", "compile every .nfproj against the nanoFramework API and check its metadata") { repo };
        check.SetAction(parse =>
        {
            var root = parse.GetValue(repo)!.FullName;
            var reports = CompatibilityGate.ForRepository(root).CheckAll(Projects.NfProject.Discover(root));
            foreach (var line in reports.SelectMany(r => r.Lines()))
            {
                Console.WriteLine(line);
            }

            int failed = reports.Count(r => !r.Passed);

            // Sizes need the real metadata processor: reported where the interpreter toolchain is present.
            var builder = Interpreter.DeviceBuilder.ForRepository(root, out var missing);
            int checkedSizes = 0;
            if (builder is null)
            {
                Console.WriteLine($"SKIP PE sizes: {missing}");
            }
            else if (failed == 0)
            {
                foreach (var configuration in CompatibilityGate.Configurations.Keys)
                {
                    foreach (var project in Projects.NfProject.InBuildOrder(Projects.NfProject.Discover(root)))
                    {
                        var size = Interpreter.SizeReport.Of(builder.Build(project.Path, configuration), Path.GetRelativePath(root, project.Path));
                        Console.WriteLine(size.Line);
                        checkedSizes++;
                        failed += size.Passed ? 0 : 1;
                    }
                }
            }

            Console.WriteLine($"{reports.Count + checkedSizes - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        root.Add(check);
        root.Add(DeviceCommands.Create(repo));
        return root.Parse(args).Invoke();
    }
}
