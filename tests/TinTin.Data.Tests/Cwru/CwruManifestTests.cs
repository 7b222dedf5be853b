// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary>manifest.csv: the real one, and every refusal on small written ones.</summary>
public sealed class CwruManifestTests
{
    [RequiresCwruFact]
    public void RealManifestParses()
    {
        CwruManifest manifest = CwruManifest.Load(DataPaths.Cwru);

        Assert.Equal(28, manifest.Entries.Count);
        CwruManifestEntry normal = manifest.Entries[0];
        Assert.Equal(new CwruManifestEntry("normal_0_97.mat", 97, "Normal", null, 0, 0, 1797, 1796, 243938, 48000, 5.082, normal.Variables, 3903344, "16bf48babcf1c7ac224bc1a81cd9eafdb27e42d5cf559761907e067e8eeadf3c"), normal);
        Assert.Equal(["X097_DE_time", "X097_FE_time", "X097RPM"], normal.Variables);
        CwruManifestEntry outer = manifest.Entries.Single(e => e.CwruId == 130);
        Assert.Equal("centred @6:00", outer.OrPosition);
        Assert.Equal(0.007, outer.DiameterIn);
        Assert.Equal(3, manifest.Entries.Count(e => e.LoadHp == 0 && e.Condition == "Inner race"));
        Assert.Equal(27, manifest.Entries.Count(e => e.FsHz == 12000));
    }

    [Fact]
    public void ColumnsAreFoundByNameAndQuotesAreHonoured()
    {
        using var temp = new TempFolder();
        SyntheticCwru.WriteManifest(temp,
        [
            "sha256,file,bytes,variables,duration_s,fs_hz,samples,rpm_in_file,rpm_nominal,load_hp,diameter_in,or_position,condition,cwru_id",
            "ab,\"odd, \"\"name\"\".mat\",10,X1_DE_time X1RPM,1.5,12000,18000,1772,1772,1,0.014,centred @6:00,Outer race,1",
        ]);

        CwruManifestEntry entry = CwruManifest.Load(temp.Path).Entries.Single();

        Assert.Equal("odd, \"name\".mat", entry.File);
        Assert.Equal(1, entry.LoadHp);
        Assert.Equal(18000, entry.Samples);
        Assert.Equal(["X1_DE_time", "X1RPM"], entry.Variables);
        Assert.Equal("OR014", CwruClasses.NameOf(entry));
    }

    [Fact]
    public void MissingColumn()
    {
        using var temp = new TempFolder();
        SyntheticCwru.WriteManifest(temp, [SyntheticCwru.Header.Replace(",fs_hz", string.Empty)]);

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => CwruManifest.Load(temp.Path));

        Assert.Contains("manifest.csv: line 1", ex.Message);
        Assert.Contains("no column 'fs_hz'", ex.Message);
    }

    [Fact]
    public void BadNumberNamesTheLineAndColumn()
    {
        using var temp = new TempFolder();
        SyntheticCwru.WriteManifest(temp, [SyntheticCwru.Header, "a.mat,1,Ball,-,0.007,0,1797,1797,many,12000,1,X1_DE_time,1,00"]);

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => CwruManifest.Load(temp.Path));

        Assert.Contains("line 2", ex.Message);
        Assert.Contains("column 'samples' is 'many'", ex.Message);
    }

    [Fact]
    public void WrongFieldCount()
    {
        using var temp = new TempFolder();
        SyntheticCwru.WriteManifest(temp, [SyntheticCwru.Header, "a.mat,1,Ball"]);

        Assert.Contains("line 2: 3 fields, the header has 14", Assert.Throws<InvalidDataException>(() => CwruManifest.Load(temp.Path)).Message);
    }

    [Fact]
    public void UnclosedQuote()
    {
        using var temp = new TempFolder();
        SyntheticCwru.WriteManifest(temp, [SyntheticCwru.Header, "\"a.mat,1"]);

        Assert.Contains("quoted field is not closed", Assert.Throws<InvalidDataException>(() => CwruManifest.Load(temp.Path)).Message);
    }

    [Fact]
    public void MissingManifestAndFolder()
    {
        using var temp = new TempFolder();

        DataUnavailableException noManifest = Assert.Throws<DataUnavailableException>(() => CwruManifest.Load(temp.Path));
        Assert.Contains("manifest.csv not found in the folder " + temp.Path, noManifest.Message);
        Assert.Contains("https://engineering.case.edu/bearingdatacenter", noManifest.Message);

        string gone = Path.Combine(temp.Path, "gone");
        DataUnavailableException noFolder = Assert.Throws<DataUnavailableException>(() => CwruManifest.Load(gone));
        Assert.Contains(gone + " does not exist", noFolder.Message);
    }

    [Theory]
    [InlineData("Normal", "-", 0, "Normal")]
    [InlineData("Inner race", "-", 0.021, "IR021")]
    [InlineData("Ball", "-", 0.014, "B014")]
    [InlineData("Outer race", "centred @6:00", 0.007, "OR007")]
    [InlineData("Outer race", "orthogonal @3:00", 0.007, null)]
    [InlineData("Inner race", "-", 0.028, null)]
    [InlineData("Cage", "-", 0.007, null)]
    public void ClassNames(string condition, string orPosition, double diameter, string? expected)
    {
        var entry = new CwruManifestEntry("f.mat", 1, condition, orPosition == "-" ? null : orPosition, diameter, 0, 0, 0, 0, 12000, 0, [], 0, string.Empty);

        Assert.Equal(expected, CwruClasses.NameOf(entry));
    }
}
