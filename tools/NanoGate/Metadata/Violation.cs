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

    /// <summary>
    /// NANO020: an int that nanoCLR still tags as uint (it was loaded from uint storage and only cast)
    /// reaches a signed operation that the interpreter then performs unsigned (shr, rem, conv.i8, conv.r8).
    /// </summary>
    UnsignedTag,

    /// <summary>
    /// NANO021: a struct value copied with <c>dup</c> (nanoCLR shares the boxed value instead of copying)
    /// whose copy is then used by reference, so a mutation through one is seen through the other.
    /// </summary>
    StructDupAlias,
}

/// <summary>One finding, located by type and member.</summary>
public sealed record Violation(ViolationKind Kind, string Type, string Member, string Detail)
{
    /// <summary>The diagnostic id of the interpreter hazards (NANO020, NANO021); empty for the others.</summary>
    public string Code => Kind switch
    {
        ViolationKind.UnsignedTag => "NANO020",
        ViolationKind.StructDupAlias => "NANO021",
        _ => "",
    };

    public override string ToString() =>
        $"{(Code.Length > 0 ? Code + " " : "")}{Kind}: {Type}{(Member.Length > 0 ? "::" + Member : "")}: {Detail}";
}
