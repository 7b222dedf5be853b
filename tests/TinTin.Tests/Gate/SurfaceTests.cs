using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoGate.Surface;

namespace TinTin.Tests.Gate;

/// <summary>
/// The reference surface the gate compiles against must be exactly nanoFramework's public API:
/// no member nanoFramework lacks (or the gate would accept code that fails on the device), none
/// missing (or it would reject good code), and every declaration as nanoFramework declares it.
/// </summary>
public class SurfaceTests
{
    public static IEnumerable<object[]> Listings() =>
        RepoPaths.HasApiListings
            ? Directory.GetFiles(RepoPaths.ApiListings, "*.api.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) })
            : new[] { new object[] { "(listings absent)" } };

    [RequiresApiListingsTheory]
    [MemberData(nameof(Listings))]
    public void Stub_declares_exactly_the_listed_API(string listingFile)
    {
        var listing = ApiListing.Load(Path.Combine(RepoPaths.ApiListings, listingFile));
        var problems = SurfaceVerifier.Verify(GateFixture.Surface, listing);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [RequiresApiListingsFact]
    public void Every_listing_has_a_stub_and_every_stub_a_listing()
    {
        var listed = ApiListing.LoadFolder(RepoPaths.ApiListings).Keys.OrderBy(k => k, StringComparer.Ordinal);
        var stubs = GateFixture.Surface.Manifest.Assemblies.Select(a => a.Assembly).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(listed, stubs);
    }

    [RequiresApiListingsFact]
    public void Committed_stubs_are_what_the_generator_makes_from_the_listings()
    {
        var temp = Directory.CreateTempSubdirectory("nanosurface-").FullName;
        try
        {
            SurfaceWriter.Write(RepoPaths.ApiListings, temp);
            foreach (var file in Directory.GetFiles(temp))
            {
                var committed = Path.Combine(RepoPaths.Surface, Path.GetFileName(file));
                Assert.True(File.Exists(committed), $"{committed} is missing: run `dotnet run --project tools/NanoGate -- surface generate`");
                Assert.True(File.ReadAllText(file) == File.ReadAllText(committed).Replace("\r\n", "\n"),
                    $"{committed} differs from the generator's output: run `dotnet run --project tools/NanoGate -- surface generate`");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [RequiresApiListingsFact]
    public void Verifier_reports_a_member_nanoFramework_lacks()
    {
        const string Header = "public sealed class String : System.IComparable, System.Collections.IEnumerable\n    {\n";
        var problems = VerifyPlanted("mscorlib", text => Replace(text, Header, Header + "        public static string Join(string separator, object[] values) => throw null;\n"));
        Assert.Contains(problems, p => p.Id == "M:System.String.Join(System.String,System.Object[])" && p.Problem.Contains("not part of the nanoFramework API"));
    }

    [RequiresApiListingsFact]
    public void Verifier_reports_a_changed_return_type()
    {
        var problems = VerifyPlanted("nanoFramework.Runtime.Native", text => Replace(text, "public static uint Run(bool compactHeap)", "public static int Run(bool compactHeap)"));
        Assert.Contains(problems, p => p.Id == "M:nanoFramework.Runtime.Native.GC.Run(System.Boolean)" && p.Problem.Contains("declared as"));
    }

    [RequiresApiListingsFact]
    public void Verifier_reports_a_missing_member()
    {
        var problems = VerifyPlanted("mscorlib", text => RemoveLineContaining(text, "public string Substring(int startIndex, int length)"));
        Assert.Contains(problems, p => p.Id == "M:System.String.Substring(System.Int32,System.Int32)" && p.Problem.Contains("missing from the stub"));
    }

    [RequiresApiListingsFact]
    public void Verifier_reports_an_implicit_public_constructor()
    {
        // A class with no declared constructor gets a public one from C#: nanoFramework's DBNull has none.
        var problems = VerifyPlanted("mscorlib", text => RemoveLineContaining(text, "internal DBNull()"));
        Assert.Contains(problems, p => p.Id == "M:System.DBNull.#ctor" && p.Problem.Contains("not part of the nanoFramework API"));
    }

    private static IReadOnlyList<SurfaceProblem> VerifyPlanted(string assembly, Func<string, string> edit)
    {
        var temp = Directory.CreateTempSubdirectory("nanosurface-planted-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RepoPaths.Surface))
            {
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            }

            var path = Path.Combine(temp, assembly + ".cs");
            var original = File.ReadAllText(path).Replace("\r\n", "\n");
            var edited = edit(original);
            Assert.NotEqual(original, edited);
            File.WriteAllText(path, edited);
            var listing = ApiListing.Load(Path.Combine(RepoPaths.ApiListings, assembly + ".api.txt"));
            return SurfaceVerifier.Verify(new ReferenceSurface(temp), listing);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string Replace(string text, string find, string replacement)
    {
        Assert.Contains(find, text);
        return text.Replace(find, replacement);
    }

    private static string RemoveLineContaining(string text, string find)
    {
        var lines = text.Split('\n').ToList();
        int removed = lines.RemoveAll(l => l.Contains(find, StringComparison.Ordinal));
        Assert.Equal(1, removed);
        return string.Join("\n", lines);
    }
}
