// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoAssert = nanoFramework.TestFramework.Assert;

namespace TinTin.TestLauncher.Tests;

/// <summary>
/// The shim declares exactly the public API of nanoFramework.TestFramework 3.0.x as listed in
/// shared/nanoframework-api/nanoFramework.TestFramework.api.txt: same doc IDs, same signatures (parameter
/// names, default values, modifiers, [Obsolete] texts), and [CallerArgumentExpression] where upstream has it.
/// </summary>
public class ShimApiParityTests
{
    private const string ListingPath = "nanoframework-api/nanoFramework.TestFramework.api.txt";

    [RequiresSharedFileFact(ListingPath)]
    public void DocIdsAndSignaturesMatchTheListing()
    {
        string listingFile = SharedReference.Find(ListingPath)
            ?? throw new FileNotFoundException($"shared/{ListingPath} disappeared after test discovery");

        Dictionary<string, string> listed = File.ReadAllLines(listingFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        Dictionary<string, string> declared = ShimSurface.Read(typeof(NanoAssert).Assembly.Location);

        Assert.Equal(118, listed.Count); // the listing's own header says 118 lines
        var problems = listed.Keys.Except(declared.Keys).Select(id => "missing from the shim: " + id)
            .Concat(declared.Keys.Except(listed.Keys).Select(id => "not in nano's API: " + id))
            .Concat(listed.Where(p => declared.TryGetValue(p.Key, out string? mine) && mine != p.Value)
                .Select(p => $"{p.Key}\n  listing: {p.Value}\n  shim:    {declared[p.Key]}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void MessageParametersCarryCallerArgumentExpressionWhereUpstreamDoes()
    {
        var expected = new Dictionary<string, string>
        {
            ["AreEqual"] = "actual", ["AreNotEqual"] = "actual", ["AreSame"] = "actual", ["AreNotSame"] = "actual",
            ["IsTrue"] = "condition", ["IsFalse"] = "condition", ["IsNull"] = "value", ["IsNotNull"] = "value",
            ["IsInstanceOfType"] = "value", ["IsNotInstanceOfType"] = "value", ["Contains"] = "value",
            ["DoesNotContains"] = "value", ["StartsWith"] = "value", ["EndsWith"] = "value",
            ["ThrowsException"] = "action",
        };

        var problems = new List<string>();
        Type[] publicTypes = typeof(NanoAssert).Assembly.GetExportedTypes();
        foreach (MethodInfo method in publicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            ParameterInfo? message = method.GetParameters().FirstOrDefault(p => p.Name == "message");
            if (message == null)
            {
                continue;
            }

            bool upstreamHasIt = method.DeclaringType == typeof(NanoAssert)
                && method.GetCustomAttribute<ObsoleteAttribute>() == null
                && expected.ContainsKey(method.Name);
            string? actual = message.GetCustomAttribute<CallerArgumentExpressionAttribute>()?.ParameterName;
            string? wanted = upstreamHasIt ? expected[method.Name] : null;
            if (actual != wanted)
            {
                problems.Add($"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}): {actual ?? "none"} instead of {wanted ?? "none"}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>Reads a compiled assembly's public surface the way the listing was made: Roslyn symbols.</summary>
internal static class ShimSurface
{
    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut
            | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Doc ID to C# declaration, for every public or protected type and member.</summary>
    public static Dictionary<string, string> Read(string assemblyPath)
    {
        MetadataReference shim = MetadataReference.CreateFromFile(assemblyPath);
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) != Path.GetFileName(assemblyPath))
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ApiReader", references: runtime.Append(shim));
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(shim)!;

        var surface = new Dictionary<string, string>();
        foreach (INamedTypeSymbol type in AllTypes(assembly.GlobalNamespace).Where(IsVisible))
        {
            surface[type.GetDocumentationCommentId()!] = DescribeType(type);
            foreach (ISymbol member in type.GetMembers().Where(m => IsVisible(m) && IsListed(m)))
            {
                surface[member.GetDocumentationCommentId()!] = Attributes(member) + member.ToDisplayString(MemberFormat);
            }
        }

        return surface;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && (symbol.ContainingType == null || IsVisible(symbol.ContainingType));

    // The listing omits accessors and compiler-synthesized members.
    private static bool IsListed(ISymbol member) => member switch
    {
        IMethodSymbol m => m.MethodKind is MethodKind.Ordinary or MethodKind.Constructor,
        IPropertySymbol or IFieldSymbol or IEventSymbol => !member.IsImplicitlyDeclared,
        _ => false,
    };

    private static string Attributes(ISymbol member)
    {
        AttributeData? obsolete = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "ObsoleteAttribute");
        return obsolete == null ? "" : $"[Obsolete(\"{obsolete.ConstructorArguments[0].Value}\")] ";
    }

    private static string DescribeType(INamedTypeSymbol type)
    {
        string modifiers = type.IsStatic ? "static " : type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : "";
        string kind = type.TypeKind.ToString().ToLowerInvariant();
        return $"public {modifiers}{kind} {type.Name} : {type.BaseType!.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None))}";
    }
}
