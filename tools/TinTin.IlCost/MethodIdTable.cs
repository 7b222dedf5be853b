// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// The class a module instrumented for a per-method profile gets (<see cref="Instrumenter.MethodIdsTypeName"/>):
/// <c>static readonly int Base</c>, set by its static constructor to
/// <c>MethodRegistry.Register("name0\nname1\n...")</c> (so the first probe that reads it registers the
/// module's methods), and <c>const int Count</c>, the number of names. The module's i-th method has id Base + i.
/// </summary>
internal static class MethodIdTable
{
    /// <summary>The name of the field that holds the first id.</summary>
    public const string BaseField = "Base";

    /// <summary>The name of the constant that holds the number of ids.</summary>
    public const string CountField = "Count";

    /// <summary>Adds the class to <paramref name="module"/>; returns its <see cref="BaseField"/>.</summary>
    public static FieldDefinition Add(ModuleDefinition module, IReadOnlyList<string> names, MethodReference register)
    {
        TypeSystem types = module.TypeSystem;
        const TypeAttributes Static = TypeAttributes.NotPublic | TypeAttributes.Class | TypeAttributes.Abstract | TypeAttributes.Sealed;
        var table = new TypeDefinition(string.Empty, Instrumenter.MethodIdsTypeName, Static, types.Object);

        var first = new FieldDefinition(BaseField, FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly, types.Int32);
        var count = new FieldDefinition(CountField, FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.Literal, types.Int32)
        {
            Constant = names.Count,
        };
        table.Fields.Add(first);
        table.Fields.Add(count);

        const MethodAttributes Initializer = MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig
            | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName;
        var constructor = new MethodDefinition(".cctor", Initializer, types.Void);
        ILProcessor il = constructor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldstr, string.Join(MethodRegistry.Separator, names));
        il.Emit(OpCodes.Call, register);
        il.Emit(OpCodes.Stsfld, first);
        il.Emit(OpCodes.Ret);
        table.Methods.Add(constructor);

        module.Types.Add(table);
        return first;
    }
}
