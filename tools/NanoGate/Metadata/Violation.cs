namespace NanoGate.Metadata;

/// <summary>What compiles for nanoFramework but does not load or is forbidden there.</summary>
public enum ViolationKind
{
    /// <summary>A generic type declared in the assembly (the 1.x runtime has no generics).</summary>
    GenericType,

    /// <summary>A generic method declared in the assembly.</summary>
    GenericMethod,

    /// <summary>Use of a generic instantiation (e.g. <c>Action&lt;int&gt;</c>) or generic method instantiation.</summary>
    GenericInstantiation,

    /// <summary>A multi-dimensional array (<c>int[,]</c>): the metadata processor rejects them.</summary>
    MultiDimensionalArray,

    /// <summary>Floating point in an integer-only assembly: a float/double type, constant or IL instruction.</summary>
    FloatingPoint,
}

/// <summary>One finding, located by type and member.</summary>
public sealed record Violation(ViolationKind Kind, string Type, string Member, string Detail)
{
    public override string ToString() => $"{Kind}: {Type}{(Member.Length > 0 ? "::" + Member : "")}: {Detail}";
}
