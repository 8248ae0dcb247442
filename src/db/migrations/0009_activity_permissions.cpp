// 0009: roles of tenants created before the contact log get its permissions, as new tenants do
// (activities/routes.cpp lists the defaults). A permission a tenant already holds is left alone.
namespace rapport::db {

extern const char* const migration_0009_activity_permissions = R"sql(
INSERT INTO role_permissions (tenant_id, role_id, permission)
SELECT r.tenant_id, r.id, g.permission FROM roles r JOIN (
    SELECT 'owner' AS role_code, 'activities.read' AS permission
    UNION ALL SELECT 'owner', 'activities.create'
    UNION ALL SELECT 'owner', 'activities.edit'
    UNION ALL SELECT 'owner', 'activities.delete'
    UNION ALL SELECT 'owner', 'analytics.read'
    UNION ALL SELECT 'admin', 'activities.read'
    UNION ALL SELECT 'admin', 'activities.create'
    UNION ALL SELECT 'admin', 'activities.edit'
    UNION ALL SELECT 'admin', 'activities.delete'
    UNION ALL SELECT 'admin', 'analytics.read'
    UNION ALL SELECT 'manager', 'activities.read'
    UNION ALL SELECT 'manager', 'activities.create'
    UNION ALL SELECT 'manager', 'activities.edit'
    UNION ALL SELECT 'manager', 'activities.delete'
    UNION ALL SELECT 'manager', 'analytics.read'
    UNION ALL SELECT 'sales_rep', 'activities.read'
    UNION ALL SELECT 'sales_rep', 'activities.create'
    UNION ALL SELECT 'sales_rep', 'activities.edit'
    UNION ALL SELECT 'sales_rep', 'activities.delete'
    UNION ALL SELECT 'sales_rep', 'analytics.read'
    UNION ALL SELECT 'order_clerk', 'activities.read'
    UNION ALL SELECT 'finance', 'activities.read'
    UNION ALL SELECT 'finance', 'analytics.read'
    UNION ALL SELECT 'purchasing', 'activities.read'
    UNION ALL SELECT 'read_only', 'activities.read'
    UNION ALL SELECT 'read_only', 'analytics.read'
) g ON g.role_code = r.code
WHERE NOT EXISTS (SELECT 1 FROM role_permissions p
    WHERE p.tenant_id = r.tenant_id AND p.role_id = r.id AND p.permission = g.permission);
)sql";

} // namespace rapport::db
