using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoGate.Metadata;

/// <summary>
/// Reads a compiled assembly's metadata and IL and reports what the nanoFramework 1.x runtime and
/// metadata processor cannot take — generic types, methods and instantiations, multi-dimensional
/// arrays — and, for an integer-only assembly, every trace of floating point: a float/double in
/// any signature, field, local or constant, and every floating-point IL instruction.
/// </summary>
public static class MetadataChecker
{
    private static readonly HashSet<short> s_floatOpCodes = new()
    {
        OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value,
        OpCodes.Ldind_R4.Value, OpCodes.Ldind_R8.Value, OpCodes.Stind_R4.Value, OpCodes.Stind_R8.Value,
        OpCodes.Ldelem_R4.Value, OpCodes.Ldelem_R8.Value, OpCodes.Stelem_R4.Value, OpCodes.Stelem_R8.Value, OpCodes.Ckfinite.Value,
    };

    public static IReadOnlyList<Violation> Check(byte[] image, bool integerOnly)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        var check = new Checker(reader, pe, integerOnly);
        check.Run();
        return check.Violations;
    }

    private sealed class Checker
    {
        private readonly MetadataReader _reader;
        private readonly PEReader _pe;
        private readonly bool _integerOnly;
        private readonly SignatureScanner _scan;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public Checker(MetadataReader reader, PEReader pe, bool integerOnly)
        {
            _reader = reader;
            _pe = pe;
            _integerOnly = integerOnly;
            _scan = new SignatureScanner(reader);
        }

        public List<Violation> Violations { get; } = new();

        public void Run()
        {
            foreach (var handle in _reader.TypeDefinitions)
            {
                CheckType(handle);
            }

            // Anything instantiated or shaped that no member above was seen using.
            foreach (var handle in Enumerable.Range(1, _reader.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
            {
                Decode(_reader.GetMethodSpecification(handle).DecodeSignature(_scan, null), "<module>", "", "method instantiation", genericIsInstantiation: true, forceGeneric: true);
            }

            foreach (var handle in Enumerable.Range(1, _reader.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
            {
                _scan.Reset();
                var name = _reader.GetTypeSpecification(handle).DecodeSignature(_scan, null);
                Report("<module>", "", name, "type specification", genericIsInstantiation: true);
            }

            Violations.AddRange(InterpreterHazards.Find(_reader, _pe));
        }

        private void CheckType(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            var typeName = MetadataNames.TypeName(_reader, handle);
            if (type.GetGenericParameters().Count > 0)
            {
                Add(ViolationKind.GenericType, typeName, "", $"declares {type.GetGenericParameters().Count} generic parameter(s)");
            }

            CheckTypeHandle(type.BaseType, typeName, "", "base type");
            foreach (var i in type.GetInterfaceImplementations())
            {
                CheckTypeHandle(_reader.GetInterfaceImplementation(i).Interface, typeName, "", "interface");
            }

            foreach (var f in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(f);
                var name = _reader.GetString(field.Name);
                _scan.Reset();
                var sig = field.DecodeSignature(_scan, null);
                Report(typeName, name, sig, "field type", genericIsInstantiation: true);
                var constant = field.GetDefaultValue();
                if (!constant.IsNil && _integerOnly && _reader.GetConstant(constant).TypeCode is ConstantTypeCode.Single or ConstantTypeCode.Double)
                {
                    Add(ViolationKind.FloatingPoint, typeName, name, "floating-point constant");
                }
            }

            foreach (var p in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(p);
                _scan.Reset();
                var sig = property.DecodeSignature(_scan, null);
                Report(typeName, _reader.GetString(property.Name), sig.ReturnType, "property type", genericIsInstantiation: true);
            }

            foreach (var m in type.GetMethods())
            {
                CheckMethod(typeName, m);
            }

            foreach (var a in type.GetCustomAttributes())
            {
                CheckAttribute(typeName, "", a);
            }
        }

        private void CheckMethod(string typeName, MethodDefinitionHandle handle)
        {
            var method = _reader.GetMethodDefinition(handle);
            _scan.Reset();
            var sig = method.DecodeSignature(_scan, null);
            var member = $"{_reader.GetString(method.Name)}({string.Join(", ", sig.ParameterTypes)})";
            if (method.GetGenericParameters().Count > 0)
            {
                Add(ViolationKind.GenericMethod, typeName, member, $"declares {method.GetGenericParameters().Count} generic parameter(s)");
                _scan.Reset();
            }
            else
            {
                Report(typeName, member, sig.ReturnType, "signature", genericIsInstantiation: true);
            }

            foreach (var a in method.GetCustomAttributes())
            {
                CheckAttribute(typeName, member, a);
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                _scan.Reset();
                var locals = _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_scan, null);
                Report(typeName, member, string.Join(", ", locals), "local variable", genericIsInstantiation: true);
            }

            foreach (var instruction in IlReader.Read(body.GetILBytes() ?? Array.Empty<byte>()))
            {
                if (_integerOnly && s_floatOpCodes.Contains(instruction.OpCode.Value))
                {
                    Add(ViolationKind.FloatingPoint, typeName, member, $"IL_{instruction.Offset:X4}: {instruction.OpCode.Name}");
                }

                if (instruction.Token != 0)
                {
                    CheckToken(typeName, member, instruction);
                }
            }
        }

        private void CheckToken(string typeName, string member, IlInstruction instruction)
        {
            var handle = MetadataTokens.EntityHandle(instruction.Token);
            var where = $"IL_{instruction.Offset:X4}: {instruction.OpCode.Name}";
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                case HandleKind.TypeSpecification:
                case HandleKind.TypeDefinition:
                    CheckTypeHandle(handle, typeName, member, where);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Decode(spec.DecodeSignature(_scan, null), typeName, member, where, genericIsInstantiation: true, forceGeneric: true);
                    CheckMemberHandle(spec.Method, typeName, member, where);
                    break;
                case HandleKind.MemberReference:
                case HandleKind.MethodDefinition:
                case HandleKind.FieldDefinition:
                    CheckMemberHandle(handle, typeName, member, where);
                    break;
                case HandleKind.StandaloneSignature:
                    _scan.Reset();
                    var callSite = _reader.GetStandaloneSignature((StandaloneSignatureHandle)handle).DecodeMethodSignature(_scan, null);
                    Report(typeName, member, callSite.ReturnType, where, genericIsInstantiation: true);
                    break;
            }
        }

        private void CheckMemberHandle(EntityHandle handle, string typeName, string member, string where)
        {
            _scan.Reset();
            string what;
            switch (handle.Kind)
            {
                case HandleKind.MemberReference:
                    var reference = _reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = reference.Parent.Kind is HandleKind.TypeSpecification or HandleKind.TypeReference or HandleKind.TypeDefinition
                        ? DecodeType(reference.Parent) : "";
                    var name = _reader.GetString(reference.Name);
                    if (reference.GetKind() == MemberReferenceKind.Method)
                    {
                        var sig = reference.DecodeMethodSignature(_scan, null);
                        what = $"{parent}::{name}({string.Join(", ", sig.ParameterTypes)}) : {sig.ReturnType}";
                    }
                    else
                    {
                        what = $"{parent}::{name} : {reference.DecodeFieldSignature(_scan, null)}";
                    }

                    break;
                case HandleKind.MethodDefinition:
                    var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var msig = method.DecodeSignature(_scan, null);
                    what = $"{_reader.GetString(method.Name)}({string.Join(", ", msig.ParameterTypes)}) : {msig.ReturnType}";
                    break;
                default:
                    var field = _reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    what = $"{_reader.GetString(field.Name)} : {field.DecodeSignature(_scan, null)}";
                    break;
            }

            Report(typeName, member, what, where, genericIsInstantiation: true);
        }

        /// <summary>Decodes a type handle into the scanner's flags (without resetting them).</summary>
        private string DecodeType(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_scan, null),
            HandleKind.TypeReference => _scan.GetTypeFromReference(_reader, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeDefinition => MetadataNames.TypeName(_reader, (TypeDefinitionHandle)handle),
            _ => "",
        };

        private void CheckTypeHandle(EntityHandle handle, string typeName, string member, string where)
        {
            if (handle.IsNil)
            {
                return;
            }

            _scan.Reset();
            var name = DecodeType(handle);
            Report(typeName, member, name, where, genericIsInstantiation: true);
        }

        private void CheckAttribute(string typeName, string member, CustomAttributeHandle handle)
        {
            var attribute = _reader.GetCustomAttribute(handle);
            CheckMemberHandle(attribute.Constructor, typeName, member, "attribute");
        }

        private void Decode(ImmutableArray<string> typeArguments, string typeName, string member, string where, bool genericIsInstantiation, bool forceGeneric)
        {
            if (forceGeneric)
            {
                Add(ViolationKind.GenericInstantiation, typeName, member, $"{where}: generic method instantiated with <{string.Join(",", typeArguments)}>");
            }

            Report(typeName, member, string.Join(",", typeArguments), where, genericIsInstantiation);
        }

        /// <summary>Turns the scanner's flags into violations, then clears them.</summary>
        private void Report(string typeName, string member, string text, string where, bool genericIsInstantiation)
        {
            if (_scan.SawGeneric && genericIsInstantiation)
            {
                Add(ViolationKind.GenericInstantiation, typeName, member, $"{where}: uses generic {text}");
            }

            if (_scan.SawMultiDimensionalArray)
            {
                Add(ViolationKind.MultiDimensionalArray, typeName, member, $"{where}: uses {text}");
            }

            if (_scan.SawFloat && _integerOnly)
            {
                Add(ViolationKind.FloatingPoint, typeName, member, $"{where}: uses {text}");
            }

            _scan.Reset();
        }

        private void Add(ViolationKind kind, string typeName, string member, string detail)
        {
            // The module-wide sweep re-finds what a member already reported: keep the located finding only.
            var key = kind + "|" + detail.Substring(detail.IndexOf(':') + 1);
            if (typeName == "<module>" && _seen.Contains(key))
            {
                return;
            }

            _seen.Add(key);
            Violations.Add(new Violation(kind, typeName, member, detail));
        }
    }
}
