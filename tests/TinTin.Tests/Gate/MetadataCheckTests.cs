using System.Linq;
using NanoGate.Metadata;

namespace TinTin.Tests.Gate;

/// <summary>
/// The metadata half of the gate: what compiles against any core library but does not load on
/// nanoFramework 1.x, and floating point in an integer-only assembly. Each planted violation must
/// be found and located by type and member.
/// </summary>
public class MetadataCheckTests
{
    private static Violation Single(string source, ViolationKind kind, bool integerOnly = false)
    {
        var found = GateFixture.Violations(source, integerOnly).Where(v => v.Kind == kind).ToList();
        Assert.True(found.Count > 0, $"no {kind} found; all: {string.Join("; ", GateFixture.Violations(source, integerOnly))}");
        return found[0];
    }

    [Fact]
    public void Clean_integer_code_has_no_violations()
    {
        var violations = GateFixture.Violations("""
            namespace Lib
            {
                public delegate int Op(int a);
                public sealed class Kernel
                {
                    private readonly int[] _acc = new int[4];
                    public const int Limit = 127;
                    public int Run(sbyte[] w, sbyte[] x, Op op)
                    {
                        int sum = 0;
                        for (int i = 0; i < w.Length; i++) { sum += w[i] * x[i]; }
                        long wide = (long)sum * 3;
                        _acc[0] = (int)(wide >> 2);
                        object boxed = sum;
                        int[][] jagged = new int[2][];
                        return op(_acc[0]) + (int)boxed + jagged.Length;
                    }
                }
            }
            """, integerOnly: true);
        Assert.Empty(violations);
    }

    [Fact]
    public void Finds_a_generic_type_declaration()
    {
        var v = Single("namespace N { public class Box<T> { public T Value; } }", ViolationKind.GenericType);
        Assert.Equal("N.Box`1", v.Type);
    }

    [Fact]
    public void Finds_a_generic_method_declaration()
    {
        var v = Single("namespace N { public static class U { public static T Id<T>(T x) => x; } }", ViolationKind.GenericMethod);
        Assert.Equal("N.U", v.Type);
        Assert.StartsWith("Id", v.Member);
    }

    [Fact]
    public void Finds_a_generic_method_instantiation()
    {
        var found = GateFixture.Violations("""
            namespace N
            {
                public static class U { public static T Id<T>(T x) => x; }
                public static class Caller { public static int Call() => U.Id(3); }
            }
            """, integerOnly: false);
        Assert.Contains(found, v => v.Kind == ViolationKind.GenericInstantiation && v.Type == "N.Caller" && v.Member.StartsWith("Call", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_a_generic_delegate_instantiation_in_a_method_body()
    {
        var v = Single("namespace N { public static class G { public static void Call() { System.Action<int> a = x => { }; a(1); } } }", ViolationKind.GenericInstantiation);
        Assert.Equal("N.G", v.Type);
        Assert.StartsWith("Call", v.Member);
    }

    [Fact]
    public void Finds_a_generic_delegate_in_a_field()
    {
        var v = Single("namespace N { public class C { public System.Func<int, int> F; } }", ViolationKind.GenericInstantiation);
        Assert.Equal("N.C", v.Type);
        Assert.Equal("F", v.Member);
    }

    [Fact]
    public void Finds_a_multi_dimensional_array_local()
    {
        var v = Single("namespace N { public class C { public int M() { var a = new int[2, 3]; a[1, 2] = 4; return a[1, 2]; } } }", ViolationKind.MultiDimensionalArray);
        Assert.Equal("N.C", v.Type);
        Assert.StartsWith("M(", v.Member);
    }

    [Fact]
    public void Finds_a_multi_dimensional_array_field()
    {
        var v = Single("namespace N { public class C { public sbyte[,] W; } }", ViolationKind.MultiDimensionalArray);
        Assert.Equal("W", v.Member);
    }

    [Theory]
    [InlineData("public float F;", "F")]
    [InlineData("public double M(int x) => x;", "M(int)")]
    [InlineData("public int M(double x) => 0;", "M(double)")]
    [InlineData("public const double Scale = 0.5;", "Scale")]
    [InlineData("public int M(int x) { double d = x; return 0; }", "M(int)")]
    [InlineData("public int M(int x) => (int)(x * 0.75);", "M(int)")]
    [InlineData("public int M(int x) => (int)(x * 0.75f);", "M(int)")]
    [InlineData("public int M(float[] a) => a.Length;", "M(float[])")]
    [InlineData("public System.Type M() => typeof(double);", "M()")]
    [InlineData("public object M() => 1.5;", "M()")]
    [InlineData("public double P => 0;", "P")]
    public void Finds_floating_point_in_an_integer_only_assembly(string member, string expectedMember)
    {
        var source = "namespace N { public class C { " + member + " } }";
        var found = GateFixture.Violations(source, integerOnly: true).Where(v => v.Kind == ViolationKind.FloatingPoint).ToList();
        Assert.True(found.Count > 0, "no floating point found in: " + member);
        Assert.All(found, v => Assert.Equal("N.C", v.Type));
        Assert.Contains(found, v => v.Member == expectedMember);
    }

    [Fact]
    public void Finds_a_call_that_returns_a_double_in_an_integer_only_assembly()
    {
        var found = GateFixture.Violations("namespace N { public class C { public long M(long x) => System.BitConverter.DoubleToInt64Bits(System.BitConverter.Int64BitsToDouble(x)); } }", integerOnly: true);
        Assert.Contains(found, v => v.Kind == ViolationKind.FloatingPoint && v.Detail.Contains("Int64BitsToDouble"));
    }

    [Fact]
    public void Finds_floating_point_IL_instructions()
    {
        var found = GateFixture.Violations("namespace N { public class C { public int M(int x) { return (int)(x * 0.5); } } }", integerOnly: true);
        Assert.Contains(found, v => v.Detail.Contains("ldc.r8"));
        Assert.Contains(found, v => v.Detail.Contains("conv.r8"));
    }

    [Fact]
    public void Allows_floating_point_where_the_assembly_is_not_integer_only()
    {
        Assert.Empty(GateFixture.Violations("namespace N { public class C { public double F; public double M(int x) => x * 0.5; } }", integerOnly: false));
    }
}
