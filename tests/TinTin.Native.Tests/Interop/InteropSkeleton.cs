// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.Interop;

/// <summary>
/// The nanoFramework interop skeleton of TinTin.Engine.Native (lib-tintin/interop), rendered from the
/// current managed declarations. The metadata processor in ../shared/tools/nanoclr was built without its
/// skeleton generator (its README: <c>-generateskeleton</c> throws), so this class renders the two
/// generated files itself, with the MDP's own templates (AssemblyHeaderTemplate and AssemblyLookupTemplate
/// of nanoFramework.Tools.MetadataProcessor, "without interop code" flavour, non-core library) and its
/// naming rule for native methods (Name___[STATIC__]Return__Param1__...). The assembly's native checksum
/// is not computed here: it is read from the .pe the real MDP writes (header field nativeMethodsChecksum).
/// </summary>
public static class InteropSkeleton
{
    public const string AssemblyName = "TinTin.Engine.Native";

    public static string SafeName => AssemblyName.Replace('.', '_');

    public static string InteropProject => Path.Combine(Repo.Root, "lib-tintin", "interop");

    public static string GlueFolder => Path.Combine(Repo.NativeSources, "interop");

    public sealed record NativeMethod(string ClassName, string Declaration);

    public sealed record Build(string Dll, string Pe, uint NativeChecksum, IReadOnlyList<NativeMethod> Methods, string Version);

    /// <summary>The toolchain folder (../shared/tools/nanoclr or $TINTIN_NANOCLR), or null with the reason.</summary>
    public static string? Toolchain(out string missing)
    {
        string? configured = Environment.GetEnvironmentVariable("TINTIN_NANOCLR");
        string folder = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "tools", "nanoclr")) : configured;
        string mdp = Path.Combine(folder, "mdp", "nanoFramework.Tools.MetadataProcessor.dll");
        string mscorlib = Path.Combine(folder, "ref", "mscorlib.dll");
        missing = !File.Exists(mdp) ? mdp : !File.Exists(mscorlib) ? mscorlib : "";
        return missing.Length == 0 ? folder : null;
    }

    /// <summary>The SDK's csc.dll (as tools/nanoclr/README.md's recipe finds it).</summary>
    public static string Csc()
    {
        var sdks = Tool.Run("dotnet", "--list-sdks");
        string line = sdks.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        string version = line[..line.IndexOf(' ')];
        string root = line[(line.IndexOf('[') + 1)..line.LastIndexOf(']')];
        return Path.Combine(root, version, "Roslyn", "bincore", "csc.dll");
    }

    /// <summary>
    /// Compiles lib-tintin/interop's Compile items with Roslyn against nanoFramework's mscorlib and the
    /// .nfproj files it references (TinTin.Engine: NativeTrainingKernels implements its kernel seam), compiled
    /// the same way first; then the real MDP writes the .pe.
    /// </summary>
    public static Build Compile(string toolchain, string workFolder)
    {
        Directory.CreateDirectory(workFolder);
        string mscorlib = Path.Combine(toolchain, "ref", "mscorlib.dll");
        string project = Path.Combine(InteropProject, AssemblyName + ".nfproj");
        var references = new List<(string Name, string Dll)>();
        foreach (string referenced in ProjectItems(project, "ProjectReference"))
        {
            var doc = System.Xml.Linq.XDocument.Load(referenced);
            string name = doc.Descendants().First(e => e.Name.LocalName == "AssemblyName").Value;
            string referencedDll = Path.Combine(workFolder, name + ".dll");
            CompileIl(ProjectItems(referenced, "Compile"), referencedDll, mscorlib, references);
            references.Add((name, referencedDll));
        }

        string dll = Path.Combine(workFolder, AssemblyName + ".dll");
        string pe = Path.Combine(workFolder, AssemblyName + ".pe");
        CompileIl(ProjectItems(project, "Compile"), dll, mscorlib, references);
        string hints = string.Concat(references.Select(r => $" -loadHints {r.Name} \"{r.Dll}\""));
        string mdpArgs = $"\"{Path.Combine(toolchain, "mdp", "nanoFramework.Tools.MetadataProcessor.dll")}\" -loadHints mscorlib \"{mscorlib}\"{hints} -parse \"{dll}\" -compile \"{pe}\" false";
        var processed = Tool.Run("dotnet", mdpArgs);
        string text = processed.Output + processed.Error;
        if (processed.ExitCode != 0 || !File.Exists(pe) || text.Contains("error", StringComparison.OrdinalIgnoreCase) || text.Contains("exception", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(processed.Describe("metadata processor"));
        }

        byte[] header = File.ReadAllBytes(pe);
        if (Encoding.ASCII.GetString(header, 0, 6) != "NFMRK1")
        {
            throw new InvalidDataException($"{pe} is not an NFMRK1 assembly");
        }

        // CLR_RECORD_ASSEMBLY: marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum, patchEntryOffset, version (4 x u16).
        uint checksum = BitConverter.ToUInt32(header, 20);
        string version = string.Join(", ", Enumerable.Range(0, 4).Select(i => BitConverter.ToUInt16(header, 28 + 2 * i)));
        return new Build(dll, pe, checksum, NativeMethods(dll), version);
    }

    // The full paths of a project file's items of one kind (Compile, ProjectReference).
    private static string[] ProjectItems(string project, string kind)
    {
        string folder = Path.GetDirectoryName(project)!;
        return System.Xml.Linq.XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == kind)
            .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))).ToArray();
    }

    private static void CompileIl(string[] sources, string dll, string mscorlib, List<(string Name, string Dll)> references)
    {
        string csc = $"\"{Csc()}\" -nologo -noconfig -nostdlib+ -target:library -out:\"{dll}\" -langversion:9.0 -runtimemetadataversion:v4.0.30319 -optimize+ -deterministic+ -define:TRACE -reference:\"{mscorlib}\" "
            + string.Concat(references.Select(r => $"-reference:\"{r.Dll}\" "))
            + string.Join(" ", sources.Select(s => $"\"{s}\""));
        var compiled = Tool.Run("dotnet", csc);
        if (compiled.ExitCode != 0)
        {
            throw new InvalidOperationException(compiled.Describe("csc"));
        }
    }

    /// <summary>Every method of the assembly in metadata order, with the MDP's declaration name (extern methods only: the others are NULL in the lookup table).</summary>
    public static IReadOnlyList<NativeMethod> NativeMethods(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var list = new List<NativeMethod>();
        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string name = md.GetString(type.Name);
            if (name == "<Module>")
            {
                continue;
            }

            string className = (md.GetString(type.Namespace) + "_" + name).Replace('.', '_');

            // The MDP's method table holds a type's virtual methods, then its other instance methods, then its
            // static ones (CLR_RECORD_TYPEDEF's vMethods/iMethods/sMethods counts), each in declaration order;
            // the runtime indexes method_lookup with that order.
            var ordered = type.GetMethods().Select(h => md.GetMethodDefinition(h))
                .OrderBy(m => (m.Attributes & System.Reflection.MethodAttributes.Virtual) != 0 ? 0 : (m.Attributes & System.Reflection.MethodAttributes.Static) == 0 ? 1 : 2)
                .ToList();
            foreach (MethodDefinition method in ordered)
            {
                bool isNative = (method.ImplAttributes & System.Reflection.MethodImplAttributes.InternalCall) != 0;
                if (!isNative)
                {
                    list.Add(new NativeMethod(className, ""));
                    continue;
                }

                MethodSignature<string> sig = method.DecodeSignature(new TypeNames(), null);
                var parts = new List<string> { md.GetString(method.Name) + "___" + ((method.Attributes & System.Reflection.MethodAttributes.Static) != 0 ? "STATIC__" : "") + sig.ReturnType };
                parts.AddRange(sig.ParameterTypes);
                list.Add(new NativeMethod(className, string.Join("__", parts)));
            }
        }

        return list;
    }

    /// <summary>The generated assembly header, TinTin_Engine_Native.h.</summary>
    public static string RenderHeader(IReadOnlyList<NativeMethod> methods)
    {
        var s = new StringBuilder();
        s.Append(GeneratedBanner);
        s.Append('\n');
        s.Append($"#ifndef {SafeName.ToUpperInvariant()}_H\n#define {SafeName.ToUpperInvariant()}_H\n\n");
        s.Append("#include <nanoCLR_Interop.h>\n#include <nanoCLR_Runtime.h>\n#include <nanoPackStruct.h>\n\n");
        foreach (var group in methods.GroupBy(m => m.ClassName))
        {
            s.Append($"struct Library_{SafeName}_{group.Key}\n{{\n");
            var natives = group.Where(m => m.Declaration.Length > 0).ToList();
            foreach (NativeMethod m in natives)
            {
                s.Append($"    NANOCLR_NATIVE_DECLARE({m.Declaration});\n");
            }

            if (natives.Count > 0)
            {
                s.Append('\n');
            }

            s.Append("    //--//\n};\n\n");
        }

        s.Append($"extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_{SafeName};\n\n#endif // {SafeName.ToUpperInvariant()}_H\n");
        return s.ToString();
    }

    /// <summary>The generated lookup table and assembly data, TinTin_Engine_Native.cpp.</summary>
    public static string RenderLookup(IReadOnlyList<NativeMethod> methods, uint checksum, string version)
    {
        var s = new StringBuilder();
        s.Append(GeneratedBanner);
        s.Append('\n');
        s.Append($"#include \"{SafeName}.h\"\n\n// clang-format off\n\nstatic const CLR_RT_MethodHandler method_lookup[] =\n{{\n");
        foreach (NativeMethod m in methods)
        {
            s.Append(m.Declaration.Length > 0 ? $"    Library_{SafeName}_{m.ClassName}::{m.Declaration},\n" : "    NULL,\n");
        }

        s.Append($"}};\n\nconst CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_{SafeName} =\n{{\n    \"{AssemblyName}\",\n    0x{checksum:X8},\n    method_lookup,\n    {{ {version} }}\n}};\n\n// clang-format on\n");
        return s.ToString();
    }

    private const string GeneratedBanner =
        "//-----------------------------------------------------------------------------\n" +
        "//\n" +
        "//    ** DO NOT EDIT THIS FILE! **\n" +
        "//    This file was generated by a tool\n" +
        "//    re-running the tool will overwrite this file.\n" +
        "//\n" +
        "//-----------------------------------------------------------------------------\n";

    /// <summary>nanoFramework's type names in native method declarations (CLR_DataType short names).</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Void => "VOID",
            PrimitiveTypeCode.Boolean => "BOOLEAN",
            PrimitiveTypeCode.Char => "CHAR",
            PrimitiveTypeCode.SByte => "I1",
            PrimitiveTypeCode.Byte => "U1",
            PrimitiveTypeCode.Int16 => "I2",
            PrimitiveTypeCode.UInt16 => "U2",
            PrimitiveTypeCode.Int32 => "I4",
            PrimitiveTypeCode.UInt32 => "U4",
            PrimitiveTypeCode.Int64 => "I8",
            PrimitiveTypeCode.UInt64 => "U8",
            PrimitiveTypeCode.String => "STRING",
            PrimitiveTypeCode.Object => "OBJECT",
            _ => throw new NotSupportedException($"{typeCode} is not used by the TinTin interop declarations (keep them to sbyte/short/int/uint/long and their arrays)"),
        };

        public string GetSZArrayType(string elementType) => "SZARRAY_" + elementType;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => throw new NotSupportedException("no structs or classes in the interop declarations");

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => throw new NotSupportedException("no structs or classes in the interop declarations");

        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => throw new NotSupportedException();

        public string GetArrayType(string elementType, ArrayShape shape) => throw new NotSupportedException("no multi-dimensional arrays on nanoFramework");

        public string GetByReferenceType(string elementType) => throw new NotSupportedException("no ref parameters in the interop declarations");

        public string GetPointerType(string elementType) => throw new NotSupportedException();

        public string GetPinnedType(string elementType) => throw new NotSupportedException();

        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => throw new NotSupportedException();

        public string GetGenericMethodParameter(object? genericContext, int index) => throw new NotSupportedException();

        public string GetGenericTypeParameter(object? genericContext, int index) => throw new NotSupportedException();

        public string GetFunctionPointerType(MethodSignature<string> signature) => throw new NotSupportedException();

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
