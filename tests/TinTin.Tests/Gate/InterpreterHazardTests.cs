using System.Collections.Generic;
using System.Linq;
using NanoGate.Compilation;
using NanoGate.Metadata;

namespace TinTin.Tests.Gate;

/// <summary>
/// The interpreter-hazard half of the metadata check (NANO020, NANO021): IL that nanoCLR runs
/// differently from .NET. Planted cases are compiled as the gate compiles a project, unoptimized
/// (Debug) and optimized (Release), and each finding must name type, member and IL offset.
/// </summary>
public class InterpreterHazardTests
{
    private const string Prelude = """
        namespace N
        {
            public sealed class Rng { private uint _s = 1; public uint NextUInt() { _s ^= _s << 13; return _s; } }
            public struct S { public int P; }

        """;

    // Planted methods are internal: a public one returning a tagged int is a finding of its own.
    private static IReadOnlyList<Violation> Hazards(string members, bool optimize)
    {
        var source = Prelude + "public sealed class C\n{\n" + members + "\n}\n}\n";
        var result = new NanoCompiler(GateFixture.Surface).Compile("Planted", new[] { ("Planted.cs", source) }, new[] { "mscorlib" }, optimize: optimize);
        Assert.True(result.Success, "planted source should compile:\n" + string.Join("\n", result.Errors));
        return MetadataChecker.Check(result.Image!, integerOnly: false)
            .Where(v => v.Kind is ViolationKind.UnsignedTag or ViolationKind.StructDupAlias)
            .ToList();
    }

    [Theory]
    [InlineData("internal static int M(uint u) => -(int)u >> 1;", "shr")]
    [InlineData("internal static int M(uint u) => ((int)(u >> 16) - 2) >> 1;", "shr")]
    [InlineData("internal static long M(uint u) => (long)((int)u - 2);", "conv.i8")]
    [InlineData("internal static double M(uint u) => (double)((int)(u >> 16) - 2);", "conv.r8")]
    [InlineData("internal static float M(uint u) => (float)((int)u * 3);", "conv.r4")]
    [InlineData("internal static int M(uint u) => ((int)u - 2) % 3;", "rem")]
    [InlineData("internal static int M(Rng rng, int k) => (int)rng.NextUInt() >> k;", "shr")]
    [InlineData("private uint _u; internal int M() => (int)_u >> 1;", "shr")]
    [InlineData("private static uint s_u; internal static int M() => ((int)s_u ^ 5) >> 1;", "shr")]
    [InlineData("internal static int M(uint[] a, int i) => (int)a[i] >> 1;", "shr")]
    [InlineData("internal static long M(ulong x) => ((long)x - 5) >> 1;", "shr")]
    [InlineData("internal static int M(uint u, bool b) => (b ? (int)u : 0) >> 1;", "shr")]
    public void Finds_a_uint_tagged_int_reaching_a_signed_operation(string member, string opcode)
    {
        foreach (var optimize in new[] { false, true })
        {
            var found = Hazards(member, optimize);
            var v = Assert.Single(found);
            Assert.Equal(ViolationKind.UnsignedTag, v.Kind);
            Assert.Equal("NANO020", v.Code);
            Assert.Equal("N.C", v.Type);
            Assert.StartsWith("M(", v.Member);
            Assert.Matches(@"^IL_[0-9A-F]{4}: " + System.Text.RegularExpressions.Regex.Escape(opcode) + " ", v.Detail);
        }
    }

    [Theory]
    [InlineData("internal static int M(uint u) => -2 + (int)u >> 1;")]
    [InlineData("internal static int M(uint u) => 0 - (int)u >> 1;")]
    [InlineData("internal static uint M(uint u) => u >> 1;")]
    [InlineData("internal static uint M(uint u) => u % 3;")]
    [InlineData("internal static int M(uint u) => (int)u / 2;")]
    [InlineData("internal static bool M(uint u) => (int)u < 0;")]
    [InlineData("internal static int M(uint u) => (int)(u >> 1) >> 2;")]
    [InlineData("internal static int M(uint u) => ((int)u & 0xFF) % 10;")]
    [InlineData("internal static long M(uint u) => (long)u - 2;")]
    [InlineData("internal static double M(uint u) => u;")]
    [InlineData("internal static long M(uint u) => (long)(int)(u >> 4);")]
    [InlineData("private int _i; internal int M(uint u) { _i = (int)u; return _i >> 1; }")]
    [InlineData("internal static int M(int a, int b) => ((a - b) >> 1) + (int)(((long)a * b) % 7);")]
    public void Ignores_what_nanoCLR_computes_as_NET_does(string member)
    {
        foreach (var optimize in new[] { false, true })
        {
            Assert.Empty(Hazards(member, optimize));
        }
    }

    [Theory]
    [InlineData("internal static int M(uint u) { int x = (int)u; return x >> 1; }")]
    [InlineData("internal static int M(uint u) { int x = (int)u; Other(); return x >> 1; } private static void Other() { }")]
    [InlineData("internal static long M(uint u) { long x = u; return (x - 5) >> 1; }")]
    public void A_uint_stored_into_a_signed_local_is_clean_only_where_the_local_survives(string member)
    {
        // Debug keeps the local (stloc resets the tag); Release keeps the value on the stack.
        Assert.Empty(Hazards(member, optimize: false));
        Assert.Contains(Hazards(member, optimize: true), v => v.Kind == ViolationKind.UnsignedTag && v.Detail.Contains(": shr "));
    }

    [Fact]
    public void Follows_the_tag_into_a_called_method_and_out_of_a_returning_one()
    {
        const string members = """
            private static int Half(int x) => x >> 1;
            internal static int Caller(uint u) => Half((int)u) + Half(4);
            private static int Raw(uint u) => (int)u;
            internal static int Returner(uint u) => Raw(u) % 3;
            private static int Clean(int x) => x >> 1;
            internal static int CleanCaller(uint u) => Clean(-2 + (int)u);
            """;
        foreach (var optimize in new[] { false, true })
        {
            var found = Hazards(members, optimize);
            Assert.Equal(2, found.Count);
            Assert.Contains(found, v => v.Member == "Half(int)" && v.Detail.Contains("shr"));
            Assert.Contains(found, v => v.Member == "Returner(uint)" && v.Detail.Contains("rem"));
        }
    }

    [Theory]
    [InlineData("private static byte Top(int v) => (byte)(v >> 24); internal static byte M(uint u) => Top((int)u);")]
    [InlineData("private static int Mid(int v) => (v >> 8) & 0xFFFF; internal static int M(uint u) => Mid((int)u);")]
    [InlineData("private static void Put(byte[] b, int v) { b[0] = (byte)(v >> 16); } public static void M(byte[] b, uint u) => Put(b, (int)u);")]
    [InlineData("private static int Neg(uint u) => -(int)u; internal static int M(uint u) => Neg(u) / 2;")]
    public void Ignores_a_shift_whose_shifted_in_bits_are_cut_off_and_tags_that_stay_harmless(string members)
    {
        foreach (var optimize in new[] { false, true })
        {
            Assert.Empty(Hazards(members, optimize));
        }
    }

    [Fact]
    public void Finds_a_shift_that_keeps_a_shifted_in_bit() =>
        Assert.Contains(Hazards("private static int Mid(int v) => (v >> 20) & 0xFFFF; internal static int M(uint u) => Mid((int)u);", optimize: true),
            v => v.Member == "Mid(int)" && v.Detail.Contains(": shr "));

    [Fact]
    public void Finds_a_tag_leaving_the_assembly_through_a_return_value()
    {
        foreach (var optimize in new[] { false, true })
        {
            var v = Assert.Single(Hazards("public static int M(uint u) => -(int)u;", optimize));
            Assert.Matches("^IL_[0-9A-F]{4}: ret ", v.Detail);
        }
    }

    [Fact]
    public void Finds_a_tag_leaving_the_assembly_through_an_argument()
    {
        var compiler = new NanoCompiler(GateFixture.Surface);
        var lib = compiler.Compile("Lib", new[] { ("Lib.cs", "namespace L { public static class Math2 { public static int Half(int x) => x >> 1; } }") }, new[] { "mscorlib" });
        Assert.True(lib.Success, string.Join("\n", lib.Errors));
        var user = compiler.Compile("User", new[] { ("User.cs", "namespace U { public static class C { public static int M(uint u) => L.Math2.Half((int)u) + L.Math2.Half(2); } }") },
            new[] { "mscorlib" }, new[] { lib.Image! }, optimize: true);
        Assert.True(user.Success, string.Join("\n", user.Errors));
        var v = Assert.Single(MetadataChecker.Check(user.Image!, integerOnly: false));
        Assert.Equal(ViolationKind.UnsignedTag, v.Kind);
        Assert.Equal("U.C", v.Type);
        Assert.Matches("^IL_[0-9A-F]{4}: call .*Half", v.Detail);
    }

    private const string ReadmeStructCase = """
        private static S F() { S s; s.P = 2; return s; }
        private static void Advance(ref S s) { s.P += 3; }
        public static int M() { S body = F(); S r = body; Advance(ref r); r = body; Advance(ref r); return r.P; }
        """;

    [Fact]
    public void Finds_a_dup_struct_copy_mutated_by_reference_in_Release()
    {
        var v = Assert.Single(Hazards(ReadmeStructCase, optimize: true));
        Assert.Equal(ViolationKind.StructDupAlias, v.Kind);
        Assert.Equal("NANO021", v.Code);
        Assert.Equal("N.C", v.Type);
        Assert.Equal("M()", v.Member);
        Assert.Matches(@"^IL_[0-9A-F]{4}: ldloca", v.Detail);
    }

    [Fact]
    public void The_same_struct_code_is_clean_in_Debug() => Assert.Empty(Hazards(ReadmeStructCase, optimize: false));

    [Theory]
    [InlineData("public static S M() { S a = new S(); S b = a; b.P = 1; a = b; return a; }")]
    [InlineData("private static S F() => new S(); public static int M() { S body = F(); S r = body; return r.P + body.P; }")]
    [InlineData("private static S F() => new S(); private static void Use(S s) { } public static void M() { S body = F(); Use(body); Use(body); }")]
    public void Ignores_structs_without_a_shared_copy_used_by_reference(string member)
    {
        foreach (var optimize in new[] { false, true })
        {
            Assert.Empty(Hazards(member, optimize));
        }
    }

    [Fact]
    public void Finds_a_chained_struct_assignment_mutated_in_either_configuration()
    {
        // a = b = F() is a dup in Debug too; both locals then share one box on the device.
        const string members = """
            private static S F() => new S();
            private static void Advance(ref S s) { s.P += 3; }
            public static int M() { S a, b; a = b = F(); Advance(ref a); return b.P; }
            """;
        foreach (var optimize in new[] { false, true })
        {
            Assert.Contains(Hazards(members, optimize), v => v.Kind == ViolationKind.StructDupAlias && v.Member == "M()");
        }
    }
}
