// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Reflection;
using System.Reflection.Emit;

namespace TinTin.TestLauncher;

/// <summary>
/// Calls a test method the way the device's <c>method.Invoke(null, args)</c> does. On nano an instance method
/// then simply runs with <c>this == null</c> and only fails when it touches instance state; .NET's Invoke
/// refuses instead (TargetException). A small dynamic method does a non-virtual <c>call</c> with a null
/// <c>this</c>, so the host fails exactly where the device fails (NullReferenceException). It also lets the
/// test's own exceptions through unwrapped, as on the device.
/// </summary>
public static class NullThisInvoker
{
    /// <summary>Builds the call; the arguments must already fit the parameters exactly (see DeviceRules).</summary>
    public static Action<object?[]?> Create(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        var stub = new DynamicMethod(
            $"InvokeWithNullThis_{method.Name}",
            typeof(void),
            new[] { typeof(object?[]) },
            method.Module,
            skipVisibility: true);

        ILGenerator il = stub.GetILGenerator();
        if (!method.IsStatic)
        {
            il.Emit(OpCodes.Ldnull);
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(OpCodes.Unbox_Any, parameters[i].ParameterType);
        }

        il.Emit(OpCodes.Call, method);
        if (method.ReturnType != typeof(void))
        {
            il.Emit(OpCodes.Pop);
        }

        il.Emit(OpCodes.Ret);
        return (Action<object?[]?>)stub.CreateDelegate(typeof(Action<object?[]?>));
    }
}
