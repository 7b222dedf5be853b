using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NanoGate.Metadata;

/// <summary>
/// Decodes signatures to a readable type name while noting what they contain: generic
/// instantiations, generic parameters, multi-dimensional arrays, floating-point types.
/// </summary>
internal sealed class SignatureScanner : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;

    public SignatureScanner(MetadataReader reader) => _reader = reader;

    public bool SawGeneric { get; private set; }
    public bool SawMultiDimensionalArray { get; private set; }
    public bool SawFloat { get; private set; }

    public void Reset()
    {
        SawGeneric = false;
        SawMultiDimensionalArray = false;
        SawFloat = false;
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        if (typeCode is PrimitiveTypeCode.Single or PrimitiveTypeCode.Double)
        {
            SawFloat = true;
        }

        return typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Byte => "byte",
            PrimitiveTypeCode.SByte => "sbyte",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.Int16 => "short",
            PrimitiveTypeCode.UInt16 => "ushort",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.UInt32 => "uint",
            PrimitiveTypeCode.Int64 => "long",
            PrimitiveTypeCode.UInt64 => "ulong",
            PrimitiveTypeCode.Single => "float",
            PrimitiveTypeCode.Double => "double",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.Void => "void",
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            PrimitiveTypeCode.TypedReference => "TypedReference",
            _ => typeCode.ToString(),
        };
    }

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeName(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeReference(handle);
        if (reader.StringComparer.Equals(type.Namespace, "System") &&
            (reader.StringComparer.Equals(type.Name, "Single") || reader.StringComparer.Equals(type.Name, "Double")))
        {
            SawFloat = true; // boxed or typeof(double): a TypeRef rather than a primitive code
        }

        return MetadataNames.TypeName(reader, handle);
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        SawMultiDimensionalArray = true;
        return elementType + "[" + new string(',', shape.Rank - 1) + "]";
    }

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        SawGeneric = true;
        return genericType + "<" + string.Join(",", typeArguments) + ">";
    }

    public string GetGenericMethodParameter(object? genericContext, int index)
    {
        SawGeneric = true;
        return "!!" + index;
    }

    public string GetGenericTypeParameter(object? genericContext, int index)
    {
        SawGeneric = true;
        return "!" + index;
    }

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
}
