using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NanoGate.Compilation;

/// <summary>
/// nanoFramework's System.Math has Abs/Min/Max for int, float and double only. A long argument
/// therefore compiles — C# converts it implicitly to float — and silently loses precision on the
/// device (Math.Abs(long) becomes Abs(float)). The gate treats such a call as an error.
/// </summary>
internal static class MathOverloadCheck
{
    public static IEnumerable<CompileError> Find(CSharpCompilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(call) is not IInvocationOperation invocation ||
                    invocation.TargetMethod.ContainingType?.ToDisplayString() != "System.Math")
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IConversionOperation { IsImplicit: true } conversion &&
                        IsIntegral(conversion.Operand.Type) && IsFloating(conversion.Type))
                    {
                        var line = call.GetLocation().GetLineSpan();
                        yield return new CompileError("NANO010",
                            $"{line.Path}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): error NANO010: " +
                            $"'{call}' passes {conversion.Operand.Type} to Math.{invocation.TargetMethod.Name}({conversion.Type}): " +
                            "nanoFramework's System.Math has no overload for it, so the value is converted to floating point; write an integer helper instead");
                    }
                }
            }
        }
    }

    private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64 or
        SpecialType.System_UInt32 or SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Char;

    private static bool IsFloating(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double;
}
