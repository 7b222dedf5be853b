using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NanoGate.Metadata;

/// <summary>What the interpreter-hazard analysis needs to know about a value's declared type.</summary>
internal enum ValueKind
{
    Other,
    Void,
    Int32,
    UInt32,
    Int64,
    UInt64,

    /// <summary>A user value type other than an enum: nanoCLR keeps it boxed, and <c>dup</c> shares the box.</summary>
    Struct,
}

/// <summary>Decodes signatures into <see cref="ValueKind"/>s.</summary>
internal sealed class ValueKinds : ISignatureTypeProvider<ValueKind, object?>
{
    private readonly MetadataReader _reader;
    private readonly Dictionary<TypeDefinitionHandle, bool> _isStruct = new();

    public ValueKinds(MetadataReader reader) => _reader = reader;

    public ValueKind GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Int32 => ValueKind.Int32,
        PrimitiveTypeCode.UInt32 => ValueKind.UInt32,
        PrimitiveTypeCode.Int64 => ValueKind.Int64,
        PrimitiveTypeCode.UInt64 => ValueKind.UInt64,
        PrimitiveTypeCode.Void => ValueKind.Void,
        _ => ValueKind.Other,
    };

    public ValueKind GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        IsStruct(handle) ? ValueKind.Struct : ValueKind.Other;

    /// <summary>
    /// A value type of another assembly counts as a struct: enums cannot be told apart without loading
    /// it. mscorlib's value types are primitives to nanoCLR (DateTime, TimeSpan) or enums.
    /// </summary>
    public ValueKind GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        if (rawTypeKind != (byte)SignatureTypeKind.ValueType)
        {
            return ValueKind.Other;
        }

        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference &&
               reader.StringComparer.Equals(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name, "mscorlib")
            ? ValueKind.Other
            : ValueKind.Struct;
    }

    public ValueKind GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    /// <summary>The kind of a type token (ldobj, ldelem, unbox.any, a constructor's declaring type).</summary>
    public ValueKind FromToken(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(_reader, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(_reader, null, (TypeSpecificationHandle)handle, 0),
        HandleKind.TypeReference => PrimitiveByName((TypeReferenceHandle)handle),
        _ => ValueKind.Other,
    };

    private ValueKind PrimitiveByName(TypeReferenceHandle handle)
    {
        var type = _reader.GetTypeReference(handle);
        if (!_reader.StringComparer.Equals(type.Namespace, "System"))
        {
            return ValueKind.Other;
        }

        return _reader.GetString(type.Name) switch
        {
            "Int32" => ValueKind.Int32,
            "UInt32" => ValueKind.UInt32,
            "Int64" => ValueKind.Int64,
            "UInt64" => ValueKind.UInt64,
            _ => ValueKind.Other,
        };
    }

    private bool IsStruct(TypeDefinitionHandle handle)
    {
        if (!_isStruct.TryGetValue(handle, out var result))
        {
            var baseType = _reader.GetTypeDefinition(handle).BaseType;
            result = baseType.Kind == HandleKind.TypeReference &&
                     _reader.StringComparer.Equals(_reader.GetTypeReference((TypeReferenceHandle)baseType).Namespace, "System") &&
                     _reader.StringComparer.Equals(_reader.GetTypeReference((TypeReferenceHandle)baseType).Name, "ValueType");
            _isStruct[handle] = result;
        }

        return result;
    }

    public ValueKind GetSZArrayType(ValueKind elementType) => ValueKind.Other;

    public ValueKind GetArrayType(ValueKind elementType, ArrayShape shape) => ValueKind.Other;

    public ValueKind GetGenericInstantiation(ValueKind genericType, ImmutableArray<ValueKind> typeArguments) => ValueKind.Other;

    public ValueKind GetGenericMethodParameter(object? genericContext, int index) => ValueKind.Other;

    public ValueKind GetGenericTypeParameter(object? genericContext, int index) => ValueKind.Other;

    public ValueKind GetByReferenceType(ValueKind elementType) => ValueKind.Other;

    public ValueKind GetPointerType(ValueKind elementType) => ValueKind.Other;

    public ValueKind GetPinnedType(ValueKind elementType) => elementType;

    public ValueKind GetModifiedType(ValueKind modifier, ValueKind unmodifiedType, bool isRequired) => unmodifiedType;

    public ValueKind GetFunctionPointerType(MethodSignature<ValueKind> signature) => ValueKind.Other;
}
