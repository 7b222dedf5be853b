using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NanoGate.Surface;

/// <summary>A difference between a stub assembly and the nanoFramework API listing.</summary>
public sealed record SurfaceProblem(string Assembly, string Id, string Problem)
{
    public override string ToString() => $"{Assembly}: {Id}: {Problem}";
}

/// <summary>
/// Checks a compiled stub against its API listing, symbol by symbol: every public or protected
/// type and member the stub declares must be in the listing with the same declaration (so the
/// gate can never accept an API nanoFramework lacks), and every listed entry must be declared
/// (so the gate does not reject code that is fine on the device).
/// </summary>
public static class SurfaceVerifier
{
    /// <summary>How the listings write declarations (see nanoframework-api/README.md).</summary>
    private static readonly SymbolDisplayFormat s_listingFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers |
                       SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters |
                       SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
                          SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeDefaultValue |
                          SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat s_typeNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance);

    private static readonly SymbolDisplayFormat s_qualifiedTypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static IReadOnlyList<SurfaceProblem> Verify(ReferenceSurface surface, ApiListing listing)
    {
        var problems = new List<SurfaceProblem>();
        var assembly = listing.AssemblyName;
        if (!surface.Has(assembly))
        {
            problems.Add(new SurfaceProblem(assembly, "-", "no stub for this listed assembly"));
            return problems;
        }

        var compilation = surface.Compilation(assembly);
        var listed = listing.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var declared = new Dictionary<string, ISymbol>(StringComparer.Ordinal);
        foreach (var symbol in PublicSymbols(compilation.Assembly.GlobalNamespace))
        {
            var id = symbol.GetDocumentationCommentId() ?? "?" + symbol.ToDisplayString();
            declared[id] = symbol;
            if (!listed.TryGetValue(id, out var entry))
            {
                problems.Add(new SurfaceProblem(assembly, id, "declared by the stub but not part of the nanoFramework API"));
                continue;
            }

            var rendered = Render(symbol);
            var expected = Normalize(entry.Signature);
            if (rendered is not null && rendered != expected)
            {
                problems.Add(new SurfaceProblem(assembly, id, $"declared as '{rendered}' but nanoFramework has '{expected}'"));
            }
        }

        foreach (var entry in listing.Entries.Where(e => !declared.ContainsKey(e.Id)))
        {
            problems.Add(new SurfaceProblem(assembly, entry.Id, "in the nanoFramework API but missing from the stub"));
        }

        return problems;
    }

    /// <summary>The public and protected API of a namespace tree, as the listings count it.</summary>
    public static IEnumerable<ISymbol> PublicSymbols(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var s in PublicSymbols(child))
                {
                    yield return s;
                }
            }
            else if (member is INamedTypeSymbol type && IsVisible(type))
            {
                foreach (var s in TypeAndMembers(type))
                {
                    yield return s;
                }
            }
        }
    }

    private static IEnumerable<ISymbol> TypeAndMembers(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var member in type.GetMembers())
        {
            if (member is INamedTypeSymbol nested)
            {
                if (IsVisible(nested))
                {
                    foreach (var s in TypeAndMembers(nested))
                    {
                        yield return s;
                    }
                }

                continue;
            }

            if (IsVisible(member) && IsListedKind(type, member))
            {
                yield return member;
            }
        }
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

    /// <summary>The listings leave out accessors, delegate plumbing, static and implicit struct constructors.</summary>
    private static bool IsListedKind(INamedTypeSymbol type, ISymbol member)
    {
        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or
                MethodKind.EventRemove or MethodKind.StaticConstructor or MethodKind.ExplicitInterfaceImplementation)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Delegate && method.Name != "Invoke")
            {
                return false;
            }

            if (method.MethodKind == MethodKind.Constructor && method.IsImplicitlyDeclared && type.IsValueType)
            {
                return false;
            }
        }

        if (member is IFieldSymbol { IsImplicitlyDeclared: true })
        {
            return false;
        }

        return true;
    }

    /// <summary>The symbol's declaration in the listing's style, or null where styles cannot be compared.</summary>
    private static string? Render(ISymbol symbol)
    {
        if (symbol is INamedTypeSymbol type)
        {
            return type.TypeKind == TypeKind.Delegate ? null : RenderTypeHeader(type);
        }

        if (symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } enumField)
        {
            return $"{enumField.Name} = {enumField.ConstantValue}"; // numeric, as listed, not as a flags combination
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Destructor } destructor)
        {
            return Normalize($"{AccessText(destructor)} override void Finalize()");
        }

        return Normalize(symbol.ToDisplayString(s_listingFormat));
    }

    /// <summary>"public sealed class String : System.Object, System.IComparable": kind, modifiers, base, interfaces.</summary>
    private static string RenderTypeHeader(INamedTypeSymbol type)
    {
        var parts = new List<string> { AccessText(type) };
        if (type.TypeKind == TypeKind.Class)
        {
            if (type.IsStatic)
            {
                parts.Add("static");
            }
            else if (type.IsAbstract)
            {
                parts.Add("abstract");
            }
            else if (type.IsSealed)
            {
                parts.Add("sealed");
            }
        }

        if (type.IsReadOnly && type.TypeKind == TypeKind.Struct)
        {
            parts.Add("readonly");
        }

        if (type.IsRefLikeType)
        {
            parts.Add("ref");
        }

        parts.Add(type.TypeKind switch
        {
            TypeKind.Class => "class",
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            TypeKind.Enum => "enum",
            _ => type.TypeKind.ToString().ToLowerInvariant(),
        });
        parts.Add(type.ToDisplayString(s_typeNameFormat));

        var bases = new List<string>();
        if (type.TypeKind == TypeKind.Enum)
        {
            bases.Add(type.EnumUnderlyingType!.ToDisplayString(s_listingFormat));
        }
        else if (type.TypeKind == TypeKind.Class && type.BaseType is not null)
        {
            bases.Add(type.BaseType.ToDisplayString(s_qualifiedTypeFormat));
        }

        if (type.TypeKind != TypeKind.Enum)
        {
            bases.AddRange(type.Interfaces.Select(i => i.ToDisplayString(s_qualifiedTypeFormat)));
        }

        return string.Join(" ", parts) + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static string AccessText(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        _ => "protected internal",
    };

    /// <summary>
    /// Writes both sides the same way where the listing and Roslyn's display differ only in
    /// spelling: leading attributes, literal suffixes, enum-qualified defaults, special floats.
    /// </summary>
    private static string Normalize(string signature)
    {
        var s = Regex.Replace(signature, @"^(\[[A-Za-z]+(\(.*?\))?\]\s*)+", "");
        s = Regex.Replace(s, @"(?<=\d)(UL|U|L|F)\b", "");
        s = Regex.Replace(s, @"= (double|float)\.(NaN)", "= NaN");
        s = Regex.Replace(s, @"= (double|float)\.PositiveInfinity", "= Infinity");
        s = Regex.Replace(s, @"= (double|float)\.NegativeInfinity", "= -Infinity");
        // An enum default is written with its type, possibly nested (Power.WakeupPin.Pin1): keep the member.
        s = Regex.Replace(s, @"= (?:[A-Z]\w*\.)+(?=\w+\s*[,)])", "= ");
        return Regex.Replace(s, @"\s+", " ").Trim();
    }
}
