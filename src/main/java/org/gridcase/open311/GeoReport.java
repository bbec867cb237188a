package org.gridcase.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The documents of GeoReport v2, field for field as the specification names and orders them. JSON is the Spark
 * convention's mapping of the XML: a list document (services, service_requests, errors) is a bare JSON array of
 * its elements, so each list has an XML wrapper type here ({@code <services><service>…}) and JSON gets the list.
 */
final class GeoReport {

    private GeoReport() {
    }

    @JacksonXmlRootElement(localName = "discovery")
    @JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
    record Discovery(
            @JsonProperty("changeset") String changeset,
            @JsonProperty("contact") String contact,
            @JsonProperty("key_service") String keyService,
            @JsonProperty("endpoints") @JacksonXmlElementWrapper(localName = "endpoints")
            @JacksonXmlProperty(localName = "endpoint") List<Endpoint> endpoints) {
    }

    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    record Endpoint(
            @JsonProperty("specification") String specification,
            @JsonProperty("url") String url,
            @JsonProperty("changeset") String changeset,
            @JsonProperty("type") String type,
            @JsonProperty("formats") @JacksonXmlElementWrapper(localName = "formats")
            @JacksonXmlProperty(localName = "format") List<String> formats) {
    }

    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    record Service(
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("description") String description,
            @JsonProperty("metadata") boolean metadata,
            @JsonProperty("type") String type,
            @JsonProperty("keywords") String keywords,
            @JsonProperty("group") String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    record Services(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
            List<Service> services) {
    }

    /** No service has metadata, so no attributes: {@code <attributes/>}, "attributes": []. */
    @JacksonXmlRootElement(localName = "service_definition")
    @JsonPropertyOrder({"service_code", "attributes"})
    record ServiceDefinition(
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("attributes") @JacksonXmlElementWrapper(localName = "attributes")
            @JacksonXmlProperty(localName = "attribute") List<Object> attributes) {
    }

    /** The answer to POST requests: an id at once (type realtime), so no token. */
    @JsonPropertyOrder({"service_request_id", "service_notice", "account_id"})
    record Created(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("account_id") String accountId) {
    }

    @JsonPropertyOrder({"service_request_id", "token"})
    record Token(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("token") String token) {
    }

    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"})
    record Request(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("status") String status,
            @JsonProperty("status_notes") String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("description") String description,
            @JsonProperty("agency_responsible") String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime,
            @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") String expectedDatetime,
            @JsonProperty("address") String address,
            @JsonProperty("address_id") String addressId,
            @JsonProperty("zipcode") String zipcode,
            @JsonProperty("lat") Double lat,
            @JsonProperty("long") Double lon,
            @JsonProperty("media_url") String mediaUrl) {
    }

    /** {@code <service_requests><request>…}: the created request, a token's request, or requests found. */
    @JacksonXmlRootElement(localName = "service_requests")
    record ServiceRequests(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
            List<?> requests) {
    }

    @JsonPropertyOrder({"code", "description"})
    record Error(@JsonProperty("code") int code, @JsonProperty("description") String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    record Errors(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
            List<Error> errors) {
    }
}
