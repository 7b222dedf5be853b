// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Reflection;
using Mono.Cecil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>References, from one module, to the members of TinTin.IlCost.Runtime that probes use.</summary>
internal sealed class RuntimeReferences
{
    /// <summary>Adds a reference to the runtime assembly to <paramref name="module"/>.</summary>
    public RuntimeReferences(ModuleDefinition module)
    {
        AssemblyName runtime = typeof(CostCounter).Assembly.GetName();
        var scope = new AssemblyNameReference(runtime.Name, runtime.Version);
        module.AssemblyReferences.Add(scope);
        TypeSystem types = module.TypeSystem;

        var counter = new TypeReference(typeof(CostCounter).Namespace, nameof(CostCounter), module, scope);
        Total = new FieldReference(nameof(CostCounter.Total), types.Int64, counter);
        Charge = new MethodReference(nameof(CostCounter.Charge), types.Void, counter);
        Charge.Parameters.Add(new ParameterDefinition(types.Int32));
        Charge.Parameters.Add(new ParameterDefinition(types.Int64));

        NativeCosts = new TypeReference(typeof(NativeCosts).Namespace, nameof(Runtime.NativeCosts), module, scope);

        var registry = new TypeReference(typeof(MethodRegistry).Namespace, nameof(MethodRegistry), module, scope);
        Register = new MethodReference(nameof(MethodRegistry.Register), types.Int32, registry);
        Register.Parameters.Add(new ParameterDefinition(types.String));
    }

    /// <summary><see cref="CostCounter.Total"/>.</summary>
    public FieldReference Total { get; }

    /// <summary><see cref="CostCounter.Charge"/>.</summary>
    public MethodReference Charge { get; }

    /// <summary>The class <see cref="Runtime.NativeCosts"/> (the stand-ins of <see cref="NativeMethods"/>).</summary>
    public TypeReference NativeCosts { get; }

    /// <summary><see cref="MethodRegistry.Register"/>.</summary>
    public MethodReference Register { get; }
}
