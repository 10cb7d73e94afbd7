package dev.cloudshift.core.translate;

import java.util.Map;

/** The hooks a rule file may name with {@code hook: <name>}; one class per hook. */
final class TranslationHooks {

    private static final Map<String, TranslationHook> HOOKS = Map.of(
            "delegated_subnet", new DelegatedSubnetHook(),
            "container_app", new ContainerAppHook(),
            "application_gateway", new ApplicationGatewayHook(),
            "security_group_rules", new SecurityGroupRulesHook(),
            "nat_gateway_association", new NatGatewayAssociationHook(),
            "role_assignments", new RoleAssignmentHook(),
            "postgres_parameters", new PostgresParametersHook());

    private TranslationHooks() {
    }

    static TranslationHook named(String name) {
        return HOOKS.get(name);
    }
}
