using System.Reflection.Metadata;

namespace NanoGate.Metadata;

/// <summary>Readable names of metadata entities.</summary>
internal static class MetadataNames
{
    public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeName(reader, declaring) + "." + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    public static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeName(reader, (TypeReferenceHandle)type.ResolutionScope) + "." + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }
}
