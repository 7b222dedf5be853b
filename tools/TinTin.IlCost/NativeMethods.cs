// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using Mono.Cecil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// The native runtime methods of nanoFramework's mscorlib whose cost grows with a length argument
/// (<c>Array.Clear</c>, <c>Array.Copy</c>), and how a call to each is priced: a fixed weight for the call
/// instruction (<see cref="InterpreterCostTable.ArrayClearCall"/>, <see cref="InterpreterCostTable.ArrayCopyCall"/>),
/// plus a charge per byte at run time by the stand-in of <see cref="NativeCosts"/> that the instrumenter
/// calls instead (same arguments, and in a profiled module the calling method's id after them).
/// </summary>
public static class NativeMethods
{
    /// <summary>The fixed weight of a call of <paramref name="method"/> if it is one of these natives, else null.</summary>
    /// <param name="method">The called method.</param>
    /// <returns>The weight of the call instruction, or null.</returns>
    public static int? CallWeight(MethodReference method) => Kind(method) switch
    {
        NativeKind.Clear => InterpreterCostTable.ArrayClearCall,
        NativeKind.Copy => InterpreterCostTable.ArrayCopyCall,
        _ => null,
    };

    /// <summary>Whether <paramref name="method"/> is one of these natives (then <see cref="StandIn"/> gives its replacement).</summary>
    public static bool IsLengthDependent(MethodReference method) => Kind(method) != NativeKind.None;

    /// <summary>
    /// A reference, from <paramref name="module"/>, to the <see cref="NativeCosts"/> method that stands in for
    /// <paramref name="method"/>: the same parameters, and with <paramref name="withMethodId"/> one more int (the caller's id).
    /// </summary>
    public static MethodReference StandIn(ModuleDefinition module, MethodReference method, TypeReference standIns, bool withMethodId)
    {
        var standIn = new MethodReference(method.Name, module.TypeSystem.Void, standIns);
        foreach (ParameterDefinition parameter in method.Parameters)
        {
            standIn.Parameters.Add(new ParameterDefinition(module.ImportReference(parameter.ParameterType)));
        }

        if (withMethodId)
        {
            standIn.Parameters.Add(new ParameterDefinition(module.TypeSystem.Int32));
        }

        return standIn;
    }

    private enum NativeKind
    {
        None,
        Clear,
        Copy,
    }

    private static NativeKind Kind(MethodReference method)
    {
        if (method.HasThis || method.DeclaringType.FullName != "System.Array" || method.ReturnType.MetadataType != MetadataType.Void)
        {
            return NativeKind.None;
        }

        string[] parameters = method.Parameters.Select(p => p.ParameterType.FullName).ToArray();
        return (method.Name, parameters) switch
        {
            ("Clear", ["System.Array", "System.Int32", "System.Int32"]) => NativeKind.Clear,
            ("Copy", ["System.Array", "System.Array", "System.Int32"]) => NativeKind.Copy,
            ("Copy", ["System.Array", "System.Int32", "System.Array", "System.Int32", "System.Int32"]) => NativeKind.Copy,
            _ => NativeKind.None,
        };
    }
}
