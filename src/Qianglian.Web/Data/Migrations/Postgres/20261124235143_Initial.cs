using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Jurisdictions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jurisdictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Jurisdictions_Jurisdictions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ecosystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PackCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ecosystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ecosystems_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParkId = table.Column<Guid>(type: "uuid", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IndustryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Listing = table.Column<int>(type: "integer", nullable: false),
                    CloudAdopted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enterprises_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enterprises_Jurisdictions_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GapSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShortShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GapSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GapSettings_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Validity = table.Column<string>(type: "text", nullable: true),
                    PackCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SourceText = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyDocuments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyPacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PackVersion = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CoordinationOffice = table.Column<string>(type: "text", nullable: true),
                    DeclaredEcosystemCount = table.Column<int>(type: "integer", nullable: true),
                    DeclaredChainCount = table.Column<int>(type: "integer", nullable: true),
                    WorkingKitName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    WorkingKitDeclaredCount = table.Column<int>(type: "integer", nullable: true),
                    WorkingKitItems = table.Column<List<string>>(type: "text[]", nullable: false),
                    WorkingKitSource = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyPacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyPacks_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Metric = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Yearly = table.Column<bool>(type: "boolean", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    Comparison = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ValueMax = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    UnitOfMeasure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScopeRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    PackCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Chains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EcosystemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PackCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ChiefUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeputyUserIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    HostJurisdictionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CollaboratingJurisdictionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Chains_Ecosystems_EcosystemId",
                        column: x => x.EcosystemId,
                        principalTable: "Ecosystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Chains_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseHonours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseHonours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseHonours_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseHonours_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseYearFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OutputValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValueAdded = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Profit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TaxPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: false),
                    RdSpend = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InventionPatents = table.Column<int>(type: "integer", nullable: false),
                    EnergyTce = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ElectricityKwh = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    EmissionsTonnes = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    LandMu = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseYearFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseYearFacts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseYearFacts_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentChecklistItems_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentChecklistItems_PolicyDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "PolicyDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    ResponsibilityForm = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResponsibilityText = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_PolicyDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "PolicyDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainKitItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainKitItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainKitItems_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChainKitItems_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChainListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainListEntries_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChainListEntries_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChainNodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Keys = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Demand = table.Column<decimal>(type: "numeric", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainNodes_ChainNodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChainNodes_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChainNodes_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedingEnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProvidingEnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationNeeds_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollaborationNeeds_Enterprises_NeedingEnterpriseId",
                        column: x => x.NeedingEnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollaborationNeeds_Enterprises_ProvidingEnterpriseId",
                        column: x => x.ProvidingEnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CollaborationNeeds_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RawName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CatchAll = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureUnits_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureUnits_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseNodeLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<int>(type: "integer", nullable: false),
                    EvidenceNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseNodeLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseNodeLinks_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseNodeLinks_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnterpriseNodeLinks_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnterpriseNodeLinks_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_Enterprises_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_Enterprises_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_JurisdictionId",
                table: "AspNetUsers",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_JurisdictionPath",
                table: "AspNetUsers",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_EntityType_Sequence",
                table: "AuditLog",
                columns: new[] { "EntityType", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_JurisdictionPath",
                table: "AuditLog",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_UserName_Sequence",
                table: "AuditLog",
                columns: new[] { "UserName", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainKitItems_ChainId_Name",
                table: "ChainKitItems",
                columns: new[] { "ChainId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainKitItems_JurisdictionId",
                table: "ChainKitItems",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainKitItems_JurisdictionPath",
                table: "ChainKitItems",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ChainListEntries_ChainId_Kind",
                table: "ChainListEntries",
                columns: new[] { "ChainId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainListEntries_JurisdictionId",
                table: "ChainListEntries",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainListEntries_JurisdictionPath",
                table: "ChainListEntries",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodes_ChainId_ParentId_Name",
                table: "ChainNodes",
                columns: new[] { "ChainId", "ParentId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodes_JurisdictionId",
                table: "ChainNodes",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodes_JurisdictionPath",
                table: "ChainNodes",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodes_ParentId",
                table: "ChainNodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_EcosystemId",
                table: "Chains",
                column: "EcosystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Chains_JurisdictionId_Name",
                table: "Chains",
                columns: new[] { "JurisdictionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Chains_JurisdictionPath",
                table: "Chains",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationNeeds_ChainId",
                table: "CollaborationNeeds",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationNeeds_JurisdictionId",
                table: "CollaborationNeeds",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationNeeds_JurisdictionPath",
                table: "CollaborationNeeds",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationNeeds_NeedingEnterpriseId",
                table: "CollaborationNeeds",
                column: "NeedingEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationNeeds_ProvidingEnterpriseId",
                table: "CollaborationNeeds",
                column: "ProvidingEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecklistItems_DocumentId",
                table: "DocumentChecklistItems",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecklistItems_JurisdictionId",
                table: "DocumentChecklistItems",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecklistItems_JurisdictionPath",
                table: "DocumentChecklistItems",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Ecosystems_JurisdictionId_Name",
                table: "Ecosystems",
                columns: new[] { "JurisdictionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ecosystems_JurisdictionPath",
                table: "Ecosystems",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseHonours_EnterpriseId_Kind_Level_Year",
                table: "EnterpriseHonours",
                columns: new[] { "EnterpriseId", "Kind", "Level", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseHonours_JurisdictionId",
                table: "EnterpriseHonours",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseHonours_JurisdictionPath",
                table: "EnterpriseHonours",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_ChainId",
                table: "EnterpriseNodeLinks",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_EnterpriseId",
                table: "EnterpriseNodeLinks",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_JurisdictionId",
                table: "EnterpriseNodeLinks",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_JurisdictionPath",
                table: "EnterpriseNodeLinks",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_NodeId_EnterpriseId",
                table: "EnterpriseNodeLinks",
                columns: new[] { "NodeId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_JurisdictionId",
                table: "Enterprises",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_JurisdictionPath",
                table: "Enterprises",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Name",
                table: "Enterprises",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_ParkId",
                table: "Enterprises",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Uscc",
                table: "Enterprises",
                column: "Uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseYearFacts_EnterpriseId_Year",
                table: "EnterpriseYearFacts",
                columns: new[] { "EnterpriseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseYearFacts_JurisdictionId",
                table: "EnterpriseYearFacts",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseYearFacts_JurisdictionPath",
                table: "EnterpriseYearFacts",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseYearFacts_Year",
                table: "EnterpriseYearFacts",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_GapSettings_JurisdictionId",
                table: "GapSettings",
                column: "JurisdictionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GapSettings_JurisdictionPath",
                table: "GapSettings",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Jurisdictions_Code",
                table: "Jurisdictions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jurisdictions_JurisdictionPath",
                table: "Jurisdictions",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Jurisdictions_ParentId",
                table: "Jurisdictions",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_DocumentId_Ordinal",
                table: "Measures",
                columns: new[] { "DocumentId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_JurisdictionId",
                table: "Measures",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_JurisdictionPath",
                table: "Measures",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureUnits_JurisdictionId",
                table: "MeasureUnits",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureUnits_JurisdictionPath",
                table: "MeasureUnits",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureUnits_MeasureId",
                table: "MeasureUnits",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureUnits_UnitId",
                table: "MeasureUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDocuments_JurisdictionId_ContentHash",
                table: "PolicyDocuments",
                columns: new[] { "JurisdictionId", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDocuments_JurisdictionPath",
                table: "PolicyDocuments",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyPacks_Code",
                table: "PolicyPacks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyPacks_JurisdictionId",
                table: "PolicyPacks",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyPacks_JurisdictionPath",
                table: "PolicyPacks",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_CustomerId_Year",
                table: "SupplyLinks",
                columns: new[] { "CustomerId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_JurisdictionId",
                table: "SupplyLinks",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_JurisdictionPath",
                table: "SupplyLinks",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_NodeId",
                table: "SupplyLinks",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_SupplierId",
                table: "SupplyLinks",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_JurisdictionId",
                table: "Targets",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_JurisdictionPath",
                table: "Targets",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Key",
                table: "Targets",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_JurisdictionId",
                table: "Units",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_JurisdictionPath",
                table: "Units",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Key",
                table: "Units",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "ChainKitItems");

            migrationBuilder.DropTable(
                name: "ChainListEntries");

            migrationBuilder.DropTable(
                name: "CollaborationNeeds");

            migrationBuilder.DropTable(
                name: "DocumentChecklistItems");

            migrationBuilder.DropTable(
                name: "EnterpriseHonours");

            migrationBuilder.DropTable(
                name: "EnterpriseNodeLinks");

            migrationBuilder.DropTable(
                name: "EnterpriseYearFacts");

            migrationBuilder.DropTable(
                name: "GapSettings");

            migrationBuilder.DropTable(
                name: "MeasureUnits");

            migrationBuilder.DropTable(
                name: "PolicyPacks");

            migrationBuilder.DropTable(
                name: "SupplyLinks");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "ChainNodes");

            migrationBuilder.DropTable(
                name: "Enterprises");

            migrationBuilder.DropTable(
                name: "PolicyDocuments");

            migrationBuilder.DropTable(
                name: "Chains");

            migrationBuilder.DropTable(
                name: "Ecosystems");

            migrationBuilder.DropTable(
                name: "Jurisdictions");
        }
    }
}
