package uk.gov.dps.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** A page's CSRF cookie and form token, to post its form as a browser would (several values per field allowed). */
record FormPost(String cookie, String token) {

    static FormPost from(Response page) {
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        String token = Jsoup.parse(page.asString()).select("input[name=csrf-token]").first().val();
        return new FormPost(page.getCookie("csrf-token"), token);
    }

    Response post(String path, Map<String, List<String>> fields) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", cookie).formParam("csrf-token", token);
        fields.forEach((name, values) -> values.forEach(value -> request.formParam(name, value)));
        return request.post(path);
    }

    static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }
}
