namespace TinTin.Tests.Gate;

/// <summary>
/// The compile half of the gate: code using an API nanoFramework lacks, or a C# feature that needs
/// one, must fail to compile; ordinary nanoFramework code must compile.
/// </summary>
public class CompileGateTests
{
    private static void AssertFails(string source, string expectedId, params string[] references)
    {
        var result = GateFixture.Compile(source, references);
        Assert.False(result.Success, "the gate accepted code that nanoFramework cannot compile");
        Assert.Contains(result.Errors, e => e.Id == expectedId);
    }

    [Fact]
    public void Accepts_ordinary_nanoFramework_code()
    {
        var result = GateFixture.Compile("""
            using System;
            using System.Collections;
            using System.Diagnostics;
            namespace Ok
            {
                public static class Sample
                {
                    public static string Run(int[] values)
                    {
                        var copy = new int[values.Length];
                        Array.Copy(values, copy, values.Length);
                        var list = new ArrayList();
                        foreach (var v in copy) { list.Add(v); }
                        long sum = 0;
                        for (int i = 0; i < copy.Length; i++) { sum += copy[i]; }
                        Debug.WriteLine($"sum {sum:D} of {list.Count}");
                        Action done = () => Console.WriteLine("done");
                        done();
                        return sum.ToString() + " " + Math.Abs(-3) + " " + Math.Max(2, 5);
                    }
                }
            }
            """, "System.Math");
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Rejects_generic_collections() =>
        AssertFails("using System.Collections.Generic; class C { List<int> _x = new List<int>(); }", "CS0234");

    [Fact]
    public void Rejects_string_Join() =>
        AssertFails("class C { string M(string[] p) => string.Join(\",\", p); }", "CS0117");

    [Fact]
    public void Rejects_string_Replace() =>
        AssertFails("class C { string M(string p) => p.Replace(\"a\", \"b\"); }", "CS1061");

    [Fact]
    public void Rejects_Math_Abs_of_long_assigned_to_long() =>
        AssertFails("using System; class C { long M(long x) { long y = Math.Abs(x); return y; } }", "CS0266", "System.Math");

    [Fact]
    public void Rejects_Math_Abs_of_long_even_where_the_float_result_would_compile() =>
        AssertFails("using System; class C { object M(long x) { var y = Math.Abs(x); return y; } }", "NANO010", "System.Math");

    [Fact]
    public void Rejects_Math_Max_of_longs() =>
        AssertFails("using System; class C { double M(long a, long b) => Math.Max(a, b); }", "NANO010", "System.Math");

    [Fact]
    public void Rejects_Math_without_the_System_Math_package() =>
        AssertFails("using System; class C { int M(int x) => Math.Abs(x); }", "CS0103");

    [Fact]
    public void Rejects_tuples() =>
        AssertFails("class C { (int, int) M() => (1, 2); }", "CS8179");

    [Fact]
    public void Rejects_yield_iterators() =>
        AssertFails("using System.Collections; class C { IEnumerable M() { yield return 1; } }", "CS0656");

    [Fact]
    public void Rejects_Span_of_T() =>
        AssertFails("using System; class C { void M() { Span<int> s = default; } }", "CS0246");

    [Fact]
    public void Rejects_features_newer_than_CSharp_9() =>
        AssertFails("namespace N; class C { }", "CS8773");

    [Fact]
    public void Rejects_records() =>
        AssertFails("record R(int X);", "CS0518");

    [Fact]
    public void Rejects_an_API_of_a_package_the_project_does_not_reference() =>
        AssertFails("using System.Device.I2c; class C { I2cDevice _d; }", "CS0246");

    [Fact]
    public void Accepts_an_API_of_a_package_the_project_references()
    {
        var result = GateFixture.Compile("using System.Device.I2c; class C { I2cDevice _d = I2cDevice.Create(new I2cConnectionSettings(1, 0x53)); }", "System.Device.I2c");
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Rejects_a_reference_without_a_surface()
    {
        var result = GateFixture.Compile("class C { }", "Some.Unknown.Package");
        Assert.Contains(result.Errors, e => e.Id == "NANO001" && e.Text.Contains("Some.Unknown.Package"));
    }

    [Fact]
    public void Reports_the_file_and_line_of_an_error()
    {
        var result = GateFixture.Compile("class C\n{\n    string M(string[] p) => string.Join(\",\", p);\n}\n");
        Assert.Contains(result.Errors, e => e.Text.StartsWith("Planted.cs(3,", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Error_ids_the_issue_names_are_distinct_checks()
    {
        // Guard against a test above passing for the wrong reason: an empty class compiles.
        Assert.True(GateFixture.Compile("class C { }").Success);
        Assert.DoesNotContain(GateFixture.Compile("class C { }").Errors, e => e.Id.StartsWith("NANO", System.StringComparison.Ordinal));
    }
}
