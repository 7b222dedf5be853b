// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using Mono.Cecil;

namespace TinTin.IlCost;

/// <summary>The stack kind of a declared type (a local, an argument, a field, a return value).</summary>
internal static class StackKinds
{
    /// <summary>The kind a value of <paramref name="type"/> has on the evaluation stack.</summary>
    public static StackKind Of(TypeReference type)
    {
        switch (type)
        {
            case RequiredModifierType required:
                return Of(required.ElementType);
            case OptionalModifierType optional:
                return Of(optional.ElementType);
            case PinnedType pinned:
                return Of(pinned.ElementType);
            case ByReferenceType or PointerType or FunctionPointerType:
                return StackKind.NativeInt;
            case GenericParameter:
                return StackKind.Unknown;
            case ArrayType:
                return StackKind.Reference;
        }

        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte
                or MetadataType.Int16 or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32:
                return StackKind.Int32;
            case MetadataType.Int64 or MetadataType.UInt64:
                return StackKind.Int64;
            case MetadataType.IntPtr or MetadataType.UIntPtr:
                return StackKind.NativeInt;
            case MetadataType.Single:
                return StackKind.Float32;
            case MetadataType.Double:
                return StackKind.Float64;
            case MetadataType.Void:
                return StackKind.Unknown;
        }

        return type.IsValueType ? OfValueType(type) : StackKind.Reference;
    }

    /// <summary>Whether a value of <paramref name="type"/> is an object or array reference.</summary>
    public static bool IsObjectReference(TypeReference type) => Of(type) == StackKind.Reference;

    /// <summary>Resolves a type, or null when its assembly cannot be found.</summary>
    public static TypeDefinition? TryResolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static StackKind OfValueType(TypeReference type)
    {
        TypeDefinition? definition = TryResolve(type);
        if (definition is { IsEnum: true })
        {
            foreach (FieldDefinition field in definition.Fields)
            {
                if (!field.IsStatic)
                {
                    return Of(field.FieldType);
                }
            }
        }

        return StackKind.ValueType;
    }
}
