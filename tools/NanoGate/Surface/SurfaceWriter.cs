using System;
using System.IO;
using System.Linq;

namespace NanoGate.Surface;

/// <summary>Regenerates tools/NanoSurface from the API listings (<c>nanogate surface generate</c>).</summary>
public static class SurfaceWriter
{
    public static SurfaceManifest Write(string listingDir, string surfaceDir)
    {
        var listings = ApiListing.LoadFolder(listingDir);
        var generator = new StubGenerator(listings);
        Directory.CreateDirectory(surfaceDir);
        var manifest = new SurfaceManifest();
        foreach (var listing in listings.Values.OrderBy(l => l.AssemblyName, StringComparer.Ordinal))
        {
            var file = listing.AssemblyName + ".cs";
            File.WriteAllText(Path.Combine(surfaceDir, file), generator.Generate(listing.AssemblyName));
            manifest.Assemblies.Add(new SurfaceAssembly(
                listing.AssemblyName, listing.PackageId, listing.ReleaseVersion,
                generator.ReferencesOf(listing.AssemblyName), file));
        }

        manifest.Save(surfaceDir);
        return manifest;
    }
}
